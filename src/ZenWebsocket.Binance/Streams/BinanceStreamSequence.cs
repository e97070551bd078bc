using System.Text.Json;

namespace ZenWebsocket.Binance;

/// <summary>
/// The sequence number of a market-stream event, for the make-before-break handover of a rotation: trade <c>t</c>,
/// aggregate trade <c>a</c>, diff depth and book ticker final update id <c>u</c>, partial depth <c>lastUpdateId</c>;
/// every other stream (kline, ticker, ...) its event time <c>E</c>, where equal times with different content count as
/// different events (the pool compares the bytes), so a distinct event is never dropped.
/// </summary>
public static class BinanceStreamSequence
{
    /// <summary>Reads the sequence number of a combined or raw frame of a stream.</summary>
    /// <param name="topic">The canonical stream name.</param>
    /// <param name="message">The frame.</param>
    /// <param name="sequence">The number.</param>
    /// <returns>Whether the event carries one.</returns>
    public static bool TryRead(string topic, ReadOnlySpan<byte> message, out long sequence)
    {
        ArgumentNullException.ThrowIfNull(topic);
        sequence = 0;
        var key = KeyOf(topic);
        try
        {
            var reader = new Utf8JsonReader(message);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
            {
                return false;
            }

            if (reader.ValueTextEquals("stream"u8))
            {
                // Combined: step into "data".
                if (!BinanceStreamFrame.SeekMember(ref reader, "data"u8) || !reader.Read() || reader.TokenType != JsonTokenType.StartObject || !reader.Read())
                {
                    return false;
                }
            }

            return ReadNumberMember(ref reader, key, out sequence);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ReadOnlySpan<byte> KeyOf(string topic)
    {
        var at = topic.IndexOf('@', StringComparison.Ordinal);
        var kind = at < 0 ? topic.AsSpan() : topic.AsSpan(at + 1);
        if (kind.StartsWith("trade", StringComparison.Ordinal))
        {
            return "t"u8;
        }

        if (kind.StartsWith("aggTrade", StringComparison.Ordinal))
        {
            return "a"u8;
        }

        if (kind.StartsWith("bookTicker", StringComparison.Ordinal) || kind.SequenceEqual("depth") || kind.StartsWith("depth@", StringComparison.Ordinal))
        {
            return "u"u8;
        }

        if (kind.StartsWith("depth", StringComparison.Ordinal))
        {
            return "lastUpdateId"u8;
        }

        return "E"u8;
    }

    private static bool ReadNumberMember(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, out long value)
    {
        value = 0;
        return BinanceStreamFrame.SeekMember(ref reader, name) && reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value);
    }
}
