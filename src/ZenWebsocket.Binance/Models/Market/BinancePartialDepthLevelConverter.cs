using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>Reads and writes <c>["price","quantity"]</c> (strings, as Binance sends them, or numbers).</summary>
internal sealed class BinancePartialDepthLevelConverter : JsonConverter<BinancePartialDepthLevel>
{
    public override BinancePartialDepthLevel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var (price, quantity) = BinanceLevelReader.ReadLevel(ref reader);
        return new BinancePartialDepthLevel(price, quantity);
    }

    public override void Write(Utf8JsonWriter writer, BinancePartialDepthLevel value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.Price.ToString(CultureInfo.InvariantCulture));
        writer.WriteStringValue(value.Quantity.ToString(CultureInfo.InvariantCulture));
        writer.WriteEndArray();
    }
}
