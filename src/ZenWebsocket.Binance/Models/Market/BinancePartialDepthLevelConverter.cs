using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>Reads and writes <c>["price","quantity"]</c> (strings, as Binance sends them, or numbers).</summary>
internal sealed class BinancePartialDepthLevelConverter : JsonConverter<BinancePartialDepthLevel>
{
    public override BinancePartialDepthLevel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A Binance price level is an array [price, quantity].");
        }

        reader.Read();
        var price = ReadDecimal(ref reader);
        reader.Read();
        var quantity = ReadDecimal(ref reader);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            reader.Skip();
        }

        return new BinancePartialDepthLevel(price, quantity);
    }

    public override void Write(Utf8JsonWriter writer, BinancePartialDepthLevel value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.Price.ToString(CultureInfo.InvariantCulture));
        writer.WriteStringValue(value.Quantity.ToString(CultureInfo.InvariantCulture));
        writer.WriteEndArray();
    }

    private static decimal ReadDecimal(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => decimal.Parse(reader.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture),
        JsonTokenType.Number => reader.GetDecimal(),
        _ => throw new JsonException("A Binance price or quantity is a string or a number."),
    };
}
