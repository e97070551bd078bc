using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace ZenWebsocket.Binance;

/// <summary>
/// Reads one Binance price level, <c>["price","quantity"]</c>, shared by the order book's depth reader and the
/// partial-depth model's converter so both accept the same shapes.
/// </summary>
internal static class BinanceLevelReader
{
    /// <summary>Reads the level whose <see cref="JsonTokenType.StartArray"/> the reader is on, and leaves the reader on
    /// its <see cref="JsonTokenType.EndArray"/>. Extra elements are tolerated (older APIs sent an empty third one).</summary>
    public static (decimal Price, decimal Quantity) ReadLevel(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"A Binance price level is an array [price, quantity], found {reader.TokenType}.");
        }

        reader.Read();
        var price = ReadDecimal(ref reader);
        reader.Read();
        var quantity = ReadDecimal(ref reader);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            reader.Skip();
        }

        return (price, quantity);
    }

    /// <summary>Reads a price or quantity: a string, as Binance sends them (parsed straight from the UTF-8 bytes when it
    /// has no escapes), or a number.</summary>
    public static decimal ReadDecimal(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var span = reader.ValueSpan;
                if (!reader.ValueIsEscaped && Utf8Parser.TryParse(span, out decimal value, out var consumed) && consumed == span.Length)
                {
                    return value;
                }

                return decimal.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
            case JsonTokenType.Number:
                return reader.GetDecimal();
            default:
                throw new JsonException($"A Binance price or quantity is a string or a number, found {reader.TokenType}.");
        }
    }
}
