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

    public static string Convert(string frame)
    {
        if (JsonNode.Parse(frame) is not JsonObject root)
        {
            return frame;
        }

        switch (root["result"])
        {
            case JsonObject result:
                MicrosecondTimes.Scale(result, ResultTimes);
                break;
            case JsonArray results:
                foreach (var item in results.OfType<JsonObject>())
                {
                    MicrosecondTimes.Scale(item, ResultTimes);
                }

                break;
        }

        if (root["event"] is JsonObject payload)
        {
            MicrosecondTimes.Scale(payload, EventTimes);
            if (payload["e"]?.GetValue<string>() == "outboundAccountPosition")
            {
                MicrosecondTimes.Scale(payload, ["u"]);
            }
        }

        return ApiJson.Write(root);
    }
}
