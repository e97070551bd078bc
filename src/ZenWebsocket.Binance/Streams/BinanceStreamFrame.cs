using System.Text.Json;

namespace ZenWebsocket.Binance;

/// <summary>
/// Reads the two wire forms of a market-stream event in one pass without a DOM (B.1): the combined wrapper
/// <c>{"stream":"&lt;name&gt;","data":{...}}</c> and the raw bare event <c>{...}</c>.
/// </summary>
public static class BinanceStreamFrame
{
    /// <summary>Reads the <c>stream</c> member of a combined frame (Binance writes it first).</summary>
    /// <param name="json">The message.</param>
    /// <param name="stream">The stream name.</param>
    /// <returns>Whether the message is a combined frame.</returns>
    public static bool TryReadStream(ReadOnlySpan<byte> json, out string stream)
    {
        stream = "";
        if (json.IsEmpty || json[0] != (byte)'{')
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("stream"u8))
            {
                return false;
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            stream = reader.GetString()!;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Returns the bare event of a frame: the <c>data</c> member of a combined frame, else the frame itself.</summary>
    /// <param name="json">The message.</param>
    /// <param name="stream">The stream name of a combined frame; <see langword="null"/> for a raw one.</param>
    /// <returns>The event's JSON (a slice of <paramref name="json"/>).</returns>
    public static ReadOnlyMemory<byte> GetEvent(ReadOnlyMemory<byte> json, out string? stream)
    {
        stream = null;
        if (!TryReadStream(json.Span, out var name))
        {
            return json;
        }

        stream = name;
        return FindMember(json, "data"u8) is { } range ? json[range] : json;
    }

    /// <summary>Finds a top-level member's value in an object.</summary>
    internal static Range? FindMember(ReadOnlyMemory<byte> json, ReadOnlySpan<byte> name)
    {
        try
        {
            var reader = new Utf8JsonReader(json.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(name);
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                if (match)
                {
                    return start..(int)reader.BytesConsumed;
                }
            }
        }
        catch (JsonException)
        {
            // Not a frame we understand.
        }

        return null;
    }
}
