using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ZenWebsocket.Testing.Simulators.Binance;

public sealed partial class BinanceSimulator
{
    /// <summary>
    /// <c>GET /api/v3/ping</c>, <c>/time</c>, <c>/exchangeInfo</c> and <c>/depth</c>: enough for a Binance client to
    /// load markets and keep an order book. Errors are <c>{"code":…,"msg":…}</c> with HTTP 400; every answer carries
    /// the IP's used weight in <c>X-MBX-USED-WEIGHT-1M</c>.
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

        var used = _weights.Add(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", weight).ToString(CultureInfo.InvariantCulture);
        context.Response.StatusCode = status;
        context.Response.Headers["X-MBX-USED-WEIGHT"] = used;
        context.Response.Headers["X-MBX-USED-WEIGHT-1M"] = used;
        if (body.Length > 0)
        {
            context.Response.ContentType = "application/json;charset=UTF-8";
            await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static (int Status, int Weight, string Body) RestError(int code, string message, int weight = 1) =>
        (StatusCodes.Status400BadRequest, weight, "{\"code\":" + code.ToString(CultureInfo.InvariantCulture) + ",\"msg\":" + System.Text.Json.JsonSerializer.Serialize(message, StreamJsonContext.Default.String) + "}");

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
        return list.Count == 0 || list.Contains(null!) ? InvalidSymbol(Weight) : (StatusCodes.Status200OK, Weight, ExchangeInfoJson.ToJson(list, NowMs()));
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
