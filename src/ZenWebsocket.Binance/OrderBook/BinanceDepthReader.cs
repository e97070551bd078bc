using System.Text.Json;

namespace ZenWebsocket.Binance;

/// <summary>
/// Reads diff-depth events and depth snapshots with one forward <see cref="Utf8JsonReader"/> pass: no DOM, and prices
/// parsed straight from the UTF-8 bytes (a 5000-level snapshot is the largest message a book handles).
/// </summary>
internal static class BinanceDepthReader
{
    public static BinanceDepthUpdate ReadUpdate(ReadOnlySpan<byte> json) =>
        ReadUpdateOrOther(json, out var otherEvent) ?? throw Malformed("depth update", $"it is a '{otherEvent}' event");

    /// <summary>Reads a depth update, or returns <see langword="null"/> with the event type when the payload is another
    /// event (a <c>serverShutdown</c> notice on a raw connection, say).</summary>
    public static BinanceDepthUpdate? ReadUpdateOrOther(ReadOnlySpan<byte> json, out string? otherEvent)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            Next(ref reader, JsonTokenType.StartObject);
            return ReadUpdateObject(ref reader, out otherEvent);
        }
        catch (Exception error) when (error is JsonException or FormatException or OverflowException or InvalidOperationException)
        {
            throw Malformed("depth update", error);
        }
    }

    public static BinanceDepthSnapshot ReadSnapshot(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            Next(ref reader, JsonTokenType.StartObject);
            long? lastUpdateId = null;
            IReadOnlyList<BinanceBookLevel> bids = [];
            IReadOnlyList<BinanceBookLevel> asks = [];
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("lastUpdateId"u8))
                {
                    reader.Read();
                    lastUpdateId = reader.GetInt64();
                }
                else if (reader.ValueTextEquals("bids"u8))
                {
                    bids = ReadLevels(ref reader);
                }
                else if (reader.ValueTextEquals("asks"u8))
                {
                    asks = ReadLevels(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return new BinanceDepthSnapshot(lastUpdateId ?? throw Malformed("depth snapshot", "lastUpdateId is missing"), bids, asks);
        }
        catch (Exception error) when (error is JsonException or FormatException or OverflowException or InvalidOperationException)
        {
            throw Malformed("depth snapshot", error);
        }
    }

    private static BinanceDepthUpdate? ReadUpdateObject(ref Utf8JsonReader reader, out string? otherEvent)
    {
        otherEvent = null;
        string? eventType = null;
        string? symbol = null;
        long eventTime = 0;
        long? first = null;
        long? final = null;
        IReadOnlyList<BinanceBookLevel> bids = [];
        IReadOnlyList<BinanceBookLevel> asks = [];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Binance's keys differ only by case ("U" first id, "u" final id), so compare exactly.
            if (reader.ValueTextEquals("data"u8))
            {
                Next(ref reader, JsonTokenType.StartObject);
                return ReadUpdateObject(ref reader, out otherEvent);
            }

            if (reader.ValueTextEquals("e"u8))
            {
                reader.Read();
                eventType = reader.GetString();
            }
            else if (reader.ValueTextEquals("s"u8))
            {
                reader.Read();
                symbol = reader.GetString();
            }
            else if (reader.ValueTextEquals("E"u8))
            {
                reader.Read();
                eventTime = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("U"u8))
            {
                reader.Read();
                first = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("u"u8))
            {
                reader.Read();
                final = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("b"u8))
            {
                bids = ReadLevels(ref reader);
            }
            else if (reader.ValueTextEquals("a"u8))
            {
                asks = ReadLevels(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (eventType is not null && eventType != "depthUpdate")
        {
            otherEvent = eventType;
            return null;
        }

        if (first is null || final is null)
        {
            throw Malformed("depth update", "U or u is missing");
        }

        return new BinanceDepthUpdate(
            symbol ?? string.Empty,
            DateTimeOffset.FromUnixTimeMilliseconds(eventTime),
            first.Value,
            final.Value,
            bids,
            asks);
    }

    private static List<BinanceBookLevel> ReadLevels(ref Utf8JsonReader reader)
    {
        Next(ref reader, JsonTokenType.StartArray);
        var levels = new List<BinanceBookLevel>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            var (price, quantity) = BinanceLevelReader.ReadLevel(ref reader);
            levels.Add(new BinanceBookLevel(price, quantity));
        }

        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("A price level is not a [price, quantity] array.");
        }

        return levels;
    }

    private static void Next(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (!reader.Read() || reader.TokenType != expected)
        {
            throw new JsonException($"Expected {expected}, found {reader.TokenType}.");
        }
    }

    private static ZenProtocolException Malformed(string what, Exception error) =>
        new(ProtocolFailure.MalformedMessage, $"A Binance {what} could not be read: {error.Message}", error);

    private static ZenProtocolException Malformed(string what, string reason) =>
        new(ProtocolFailure.MalformedMessage, $"A Binance {what} could not be read: {reason}.");
}
