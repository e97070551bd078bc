using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>
/// B.1 <c>timeUnit=MICROSECOND</c>: the same stream event with its times in microseconds. Times are the top-level
/// <c>E</c>, <c>T</c>, <c>O</c>, <c>C</c> and a kline's <c>k.t</c>/<c>k.T</c> (a trade's top-level <c>t</c> is its id).
/// </summary>
internal static class MicrosecondTimes
{
    private static readonly string[] TopLevel = ["E", "T", "O", "C"];
    private static readonly string[] Kline = ["t", "T"];

    /// <summary>Whether a handshake query (of a stream or an API connection) asks for microseconds (<c>timeUnit=MICROSECOND</c>, any case).</summary>
    public static bool Requested(IReadOnlyDictionary<string, string> query) =>
        query.TryGetValue("timeUnit", out var unit) && string.Equals(unit, "MICROSECOND", StringComparison.OrdinalIgnoreCase);

    public static string Convert(string payload)
    {
        if (JsonNode.Parse(payload) is not JsonObject root)
        {
            return payload;
        }

        Scale(root, TopLevel);
        if (root["k"] is JsonObject kline)
        {
            Scale(kline, Kline);
        }

        return root.ToJsonString();
    }

    /// <summary>Rescales the named millisecond times of <paramref name="target"/> to microseconds (the API's frames too).</summary>
    public static void Scale(JsonObject target, string[] names)
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
