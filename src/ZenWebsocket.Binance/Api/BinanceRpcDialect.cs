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
        if (inbound.Kind is RpcMessageKind.Response or RpcMessageKind.ErrorResponse && TryReadRateLimits(json.Span, out var limits))
        {
            onRateLimits(limits);
        }

        return inbound;
    }

    /// <summary>Finds the top-level <c>rateLimits</c> member and reads it.</summary>
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
                    limits = JsonSerializer.Deserialize(ref reader, BinanceApiJson.Default.IReadOnlyListBinanceRateLimit) ?? [];
                    return limits.Count > 0;
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
}
