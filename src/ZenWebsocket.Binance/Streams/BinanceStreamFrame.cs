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
    public static ReadOnlyMemory<byte> GetEvent(ReadOnlyMemory<byte> json, out string? stream) => ReadEvent(json, readName: true, out stream);

    /// <summary>Returns the bare event of a frame without reading the stream name (the subscriber knows it).</summary>
    internal static ReadOnlyMemory<byte> GetEvent(ReadOnlyMemory<byte> json) => ReadEvent(json, readName: false, out _);

    /// <summary>Moves a reader that sits on a member name past members until the named one; it then sits on that name.</summary>
    internal static bool SeekMember(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        while (reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(name))
            {
                return true;
            }

            reader.Read();
            reader.Skip();
            if (!reader.Read())
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>One pass: the <c>stream</c> member first (else a raw frame), then on to <c>data</c> and past its end.</summary>
    private static ReadOnlyMemory<byte> ReadEvent(ReadOnlyMemory<byte> json, bool readName, out string? stream)
    {
        stream = null;
        var span = json.Span;
        if (span.IsEmpty || span[0] != (byte)'{')
        {
            return json;
        }

        try
        {
            var reader = new Utf8JsonReader(span);
            if (!reader.Read() || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("stream"u8)
                || !reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return json;
            }

            stream = readName ? reader.GetString() : null;
            if (!reader.Read() || !SeekMember(ref reader, "data"u8) || !reader.Read())
            {
                return json;
            }

            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            return json[start..(int)reader.BytesConsumed];
        }
        catch (JsonException)
        {
            // Not a frame we understand: hand it on whole.
            return json;
        }
    }
}
