using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>JSON helpers of the Binance simulator: prices and quantities are strings with eight decimals, as Binance sends them.</summary>
internal static class MarketJson
{
    public static string Decimal(decimal value) => value.ToString("F8", CultureInfo.InvariantCulture);

    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes <c>[["price","qty"], …]</c>.</summary>
    public static void WriteLevels(Utf8JsonWriter writer, string name, IEnumerable<PriceLevel> levels)
    {
        writer.WriteStartArray(name);
        foreach (var level in levels)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(Decimal(level.Price));
            writer.WriteStringValue(Decimal(level.Quantity));
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a snapshot object <c>{"lastUpdateId", "bids", "asks"}</c> (REST depth and partial depth streams).</summary>
    public static void WriteSnapshot(Utf8JsonWriter writer, DepthSnapshot snapshot)
    {
        writer.WriteStartObject();
        writer.WriteNumber("lastUpdateId", snapshot.LastUpdateId);
        WriteLevels(writer, "bids", snapshot.Bids);
        WriteLevels(writer, "asks", snapshot.Asks);
        writer.WriteEndObject();
    }
}
