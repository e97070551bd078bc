using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>Formatting of the engine's JSON: 8-decimal strings for amounts, envelopes per B.6.</summary>
internal static class ApiJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An amount as the API writes it: the same eight-decimal string as the market data (one format, one place).</summary>
    public static string Amount(decimal value) => MarketJson.Decimal(value);

    public static string Write(JsonNode node) => node.ToJsonString(Options);

    public static string Success(JsonNode? id, JsonNode? result, JsonArray? rateLimits)
    {
        var envelope = new JsonObject { ["id"] = id?.DeepClone(), ["status"] = 200, ["result"] = result };
        if (rateLimits is not null)
        {
            envelope["rateLimits"] = rateLimits;
        }

        return Write(envelope);
    }

    public static string Error(JsonNode? id, ApiException error, JsonArray? rateLimits)
    {
        var body = new JsonObject { ["code"] = error.Code, ["msg"] = error.Message };
        if (error.Details is not null)
        {
            body["data"] = error.Details.DeepClone();
        }

        var envelope = new JsonObject { ["id"] = id?.DeepClone(), ["status"] = error.Status, ["error"] = body };
        if (rateLimits is not null)
        {
            envelope["rateLimits"] = rateLimits;
        }

        return Write(envelope);
    }

    public static JsonObject RateLimit(string type, string interval, int intervalNum, int limit, int count) => new()
    {
        ["rateLimitType"] = type,
        ["interval"] = interval,
        ["intervalNum"] = intervalNum,
        ["limit"] = limit,
        ["count"] = count,
    };
}
