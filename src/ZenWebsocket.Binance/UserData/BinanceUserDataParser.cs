using System.Text.Json;

namespace ZenWebsocket.Binance;

/// <summary>Reads the typed event out of a user data message or a bare event object.</summary>
internal static class BinanceUserDataParser
{
    /// <summary>Parses <c>{"subscriptionId":N,"event":{...}}</c> (or a bare event); <see langword="null"/> when the
    /// message is not an event.</summary>
    public static BinanceUserDataEvent? Parse(ReadOnlyMemory<byte> json, out long? subscriptionId)
    {
        subscriptionId = null;
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (root.TryGetProperty("subscriptionId", out var id) && id.TryGetInt64(out var number))
        {
            subscriptionId = number;
        }

        var payload = root.TryGetProperty("event", out var inner) ? inner : root;
        return payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("e", out var type) && type.ValueKind == JsonValueKind.String
            ? ParseEvent(payload, type.GetString()!)
            : null;
    }

    private static BinanceUserDataEvent? ParseEvent(JsonElement payload, string type) => type switch
    {
        "executionReport" => payload.Deserialize(BinanceApiJson.Default.BinanceExecutionReport),
        "outboundAccountPosition" => payload.Deserialize(BinanceApiJson.Default.BinanceAccountPositionUpdate),
        "balanceUpdate" => payload.Deserialize(BinanceApiJson.Default.BinanceBalanceUpdate),
        "eventStreamTerminated" => payload.Deserialize(BinanceApiJson.Default.BinanceUserDataTerminated),
        _ => new BinanceOtherUserDataEvent
        {
            EventType = type,
            EventTime = payload.TryGetProperty("E", out var time) && time.TryGetInt64(out var ms) ? ms : 0,
            Json = payload.GetRawText(),
        },
    };
}
