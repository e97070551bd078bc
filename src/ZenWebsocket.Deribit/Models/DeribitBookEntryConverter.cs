using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZenWebsocket.Deribit;

/// <summary>Reads and writes <see cref="DeribitBookEntry"/> as Deribit's positional array.</summary>
internal sealed class DeribitBookEntryConverter : JsonConverter<DeribitBookEntry>
{
    public override DeribitBookEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A book entry must be an array.");
        }

        reader.Read();
        string? action = null;
        if (reader.TokenType == JsonTokenType.String)
        {
            action = reader.GetString();
            reader.Read();
        }

        var price = reader.GetDecimal();
        reader.Read();
        var amount = reader.GetDecimal();
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("A book entry has at most three members.");
        }

        return new DeribitBookEntry(action, price, amount);
    }

    public override void Write(Utf8JsonWriter writer, DeribitBookEntry value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        if (value.Action is not null)
        {
            writer.WriteStringValue(value.Action);
        }

        writer.WriteNumberValue(value.Price);
        writer.WriteNumberValue(value.Amount);
        writer.WriteEndArray();
    }
}
