using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ZenWebsocket.Testing.Simulators.Binance;

public sealed partial class BinanceSimulator
{
    /// <summary>
    /// <c>GET /api/v3/ping</c>, <c>/time</c>, <c>/exchangeInfo</c> and <c>/depth</c>: enough for a Binance client to
    /// load markets and keep an order book. Errors are <c>{"code":…,"msg":…}</c> with HTTP 400. Weight comes out of
    /// the IP's REQUEST_WEIGHT minute that the WebSocket API shares (B.8): every answer carries the shared count in
    /// <c>X-MBX-USED-WEIGHT-1M</c>; over the limit it is HTTP 429, during a ban 418, both with <c>Retry-After</c>
    /// (seconds) and the -1003 error.
    /// </summary>
    private async Task HandleRestAsync(HttpContext context, string endpoint)
    {
        var (status, weight, body) = endpoint switch
        {
            "ping" => (StatusCodes.Status200OK, 1, "{}"),
            "time" => (StatusCodes.Status200OK, 1, "{\"serverTime\":" + NowMs().ToString(CultureInfo.InvariantCulture) + "}"),
            "exchangeInfo" => ExchangeInfo(context.Request.Query),
            "depth" => Depth(context.Request.Query),
            _ => (StatusCodes.Status404NotFound, 1, string.Empty),
        };

        var (used, refusal) = _api.AddSharedWeight(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", weight);
        if (refusal is not null)
        {
            // Refused requests still answer with the shared count and say when to come back, in whole seconds.
            status = refusal.Status;
            body = RestErrorBody(refusal.Code, refusal.Message);
            var retryAt = refusal.Details?["retryAfter"]?.GetValue<long>() ?? NowMs();
            var seconds = Math.Max(1, (retryAt - NowMs() + 999) / 1000);
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        var usedText = used.ToString(CultureInfo.InvariantCulture);
        context.Response.StatusCode = status;
        context.Response.Headers["X-MBX-USED-WEIGHT"] = usedText;
        context.Response.Headers["X-MBX-USED-WEIGHT-1M"] = usedText;
        if (body.Length > 0)
        {
            context.Response.ContentType = "application/json;charset=UTF-8";
            await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static string RestErrorBody(int code, string message) =>
        "{\"code\":" + code.ToString(CultureInfo.InvariantCulture) + ",\"msg\":" + System.Text.Json.JsonSerializer.Serialize(message, StreamJsonContext.Default.String) + "}";

    private static (int Status, int Weight, string Body) RestError(int code, string message, int weight = 1) =>
        (StatusCodes.Status400BadRequest, weight, RestErrorBody(code, message));

    private static (int Status, int Weight, string Body) InvalidSymbol(int weight) => RestError(-1121, "Invalid symbol.", weight);

    private long NowMs() => _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private (int, int, string) ExchangeInfo(IQueryCollection query)
    {
        const int Weight = 20;
        IEnumerable<BinanceSimSymbol> symbols = _options.Symbols;
        if (query.TryGetValue("symbol", out var one))
        {
            symbols = [_market.Find(one.ToString()) is { } found ? found : null!];
        }
        else if (query.TryGetValue("symbols", out var many))
        {
            var names = System.Text.Json.JsonSerializer.Deserialize(many.ToString() is { Length: > 0 } text && text.StartsWith('[') ? text : "[]", StreamJsonContext.Default.IReadOnlyListString) ?? [];
            symbols = [.. names.Select(n => _market.Find(n)!)];
        }

        var list = symbols.ToList();
        return list.Count == 0 || list.Contains(null!) ? InvalidSymbol(Weight) : (StatusCodes.Status200OK, Weight, ApiJson.Write(ExchangeInfoJson.Build(_options.Api, list, NowMs())));
    }

    private (int, int, string) Depth(IQueryCollection query)
    {
        var symbol = query["symbol"].ToString();
        if (symbol.Length == 0)
        {
            return RestError(-1102, "Mandatory parameter 'symbol' was not sent, was empty/malformed.");
        }

        var limit = DepthLimits.Default;
        if (query.TryGetValue("limit", out var limitText) && !int.TryParse(limitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit))
        {
            return RestError(-1100, "Illegal characters found in parameter 'limit'; legal range is '^[0-9]{1,20}$'.");
        }

        if (limit < 1)
        {
            return RestError(-1100, "Illegal characters found in parameter 'limit'; legal range is '^[0-9]{1,20}$'.");
        }

        // B.5: 5 / 25 / 50 / 250 for limits 1-100 / 101-500 / 501-1000 / 1001-5000; above 5000 is cut to 5000.
        limit = Math.Min(limit, DepthLimits.Max);
        var weight = DepthLimits.Weight(limit);
        var snapshot = _market.GetSnapshot(symbol, limit);
        return snapshot is null
            ? InvalidSymbol(weight)
            : (StatusCodes.Status200OK, weight, MarketJson.Write(w => MarketJson.WriteSnapshot(w, snapshot)));
    }
}
