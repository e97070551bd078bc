using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>
/// B.6 <c>timeUnit=MICROSECOND</c> on a WebSocket API connection: the times of results and user-data events in
/// microseconds. The engine works in milliseconds; frames of such a connection are rescaled on the way out.
/// </summary>
internal static class ApiMicroseconds
{
    private static readonly string[] ResultTimes = ["serverTime", "transactTime", "workingTime", "time", "updateTime", "authorizedSince", "connectedSince"];
    private static readonly string[] EventTimes = ["E", "T", "O", "W"];

    public static bool Requested(IReadOnlyDictionary<string, string> query) =>
        query.TryGetValue("timeUnit", out var unit) && string.Equals(unit, "MICROSECOND", StringComparison.OrdinalIgnoreCase);

    public static string Convert(string frame)
    {
        if (JsonNode.Parse(frame) is not JsonObject root)
        {
            return frame;
        }

        switch (root["result"])
        {
            case JsonObject result:
                Scale(result, ResultTimes);
                break;
            case JsonArray results:
                foreach (var item in results.OfType<JsonObject>())
                {
                    Scale(item, ResultTimes);
                }

                break;
        }

        if (root["event"] is JsonObject payload)
        {
            Scale(payload, EventTimes);
            if (payload["e"]?.GetValue<string>() == "outboundAccountPosition")
            {
                Scale(payload, ["u"]);
            }
        }

        return ApiJson.Write(root);
    }

    private static void Scale(JsonObject target, string[] names)
    {
        foreach (var name in names)
        {
            if (target[name] is JsonValue value && value.TryGetValue<long>(out var ms))
            {
                target[name] = ms * 1000;
            }
        }
    }
}
