using System.Text.Json;

namespace ZenWebsocket.Binance;

/// <summary>
/// Binance's id/status envelope (<see cref="IdStatusDialect"/>) that also reads each response's <c>rateLimits</c>
/// array on the way in, so the adapter sees the server's counts without a second parse of the result.
/// </summary>
internal sealed class BinanceRpcDialect(Action<IReadOnlyList<BinanceRateLimit>> onRateLimits) : IRpcDialect
{
    public void WriteRequest(Utf8JsonWriter writer, long id, string method, in RpcParams parameters) =>
        IdStatusDialect.Instance.WriteRequest(writer, id, method, parameters);

    public RpcInbound Classify(ReadOnlyMemory<byte> json)
    {
        var inbound = IdStatusDialect.Instance.Classify(json);
        if (inbound.Kind is RpcMessageKind.Response or RpcMessageKind.ErrorResponse
            && TryReadRateLimits(json.Span, inbound.Result.Span, out var limits))
        {
            onRateLimits(limits);
        }

        return inbound;
    }

    /// <summary>
    /// Reads the top-level <c>rateLimits</c> member. The envelope was walked once already; when it has a result, that
    /// result (the bulk of the message, and one that may hold a <c>rateLimits</c> of its own, as <c>exchangeInfo</c>
    /// does) is not walked again: only the envelope's few members around it are searched.
    /// </summary>
    internal static bool TryReadRateLimits(ReadOnlySpan<byte> json, ReadOnlySpan<byte> result, out IReadOnlyList<BinanceRateLimit> limits)
    {
        if (result.IsEmpty || !json.Overlaps(result, out var offset))
        {
            return TryReadRateLimits(json, out limits);
        }

        var after = offset + result.Length;
        return TryReadArrayAfterName(json[after..], out limits) || TryReadArrayAfterName(json[..offset], out limits);
    }

    /// <summary>Finds the top-level <c>rateLimits</c> member by walking the whole envelope and reads it.</summary>
    internal static bool TryReadRateLimits(ReadOnlySpan<byte> json, out IReadOnlyList<BinanceRateLimit> limits)
    {
        limits = [];
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isRateLimits = reader.ValueTextEquals("rateLimits"u8);
                reader.Read();
                if (isRateLimits && reader.TokenType == JsonTokenType.StartArray)
                {
                    return TryDeserialize(ref reader, out limits);
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // A malformed array is the server's problem; the response itself is still classified.
        }

        return false;
    }

    /// <summary>In a piece of the envelope outside its result (only ids, statuses and this member live there), finds
    /// <c>"rateLimits"</c>, then the <c>:</c> and the array that follow it, and reads that array alone.</summary>
    private static bool TryReadArrayAfterName(ReadOnlySpan<byte> envelope, out IReadOnlyList<BinanceRateLimit> limits)
    {
        limits = [];
        var name = envelope.IndexOf("\"rateLimits\""u8);
        if (name < 0)
        {
            return false;
        }

        var rest = envelope[(name + "\"rateLimits\""u8.Length)..].TrimStart(" \t\r\n"u8);
        if (rest.IsEmpty || rest[0] != (byte)':')
        {
            return false;
        }

        rest = rest[1..].TrimStart(" \t\r\n"u8);
        if (rest.IsEmpty || rest[0] != (byte)'[')
        {
            return false;
        }

        try
        {
            // The reader stops at the array's end: what follows it (the envelope's closing brace) is not read.
            var reader = new Utf8JsonReader(rest);
            reader.Read();
            return TryDeserialize(ref reader, out limits);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryDeserialize(ref Utf8JsonReader reader, out IReadOnlyList<BinanceRateLimit> limits)
    {
        limits = JsonSerializer.Deserialize(ref reader, BinanceApiJson.Default.IReadOnlyListBinanceRateLimit) ?? [];
        return limits.Count > 0;
    }
}
