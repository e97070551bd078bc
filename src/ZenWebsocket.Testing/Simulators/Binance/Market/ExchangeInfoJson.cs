using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>
/// The one <c>exchangeInfo</c> object, served by both <c>GET /api/v3/exchangeInfo</c> and the WebSocket API's
/// <c>exchangeInfo</c> method: the configured rate limits (B.8) and, per symbol, the filters the matching engine
/// enforces and only the order types it accepts.
/// </summary>
internal static class ExchangeInfoJson
{
    /// <summary>Builds the object.</summary>
    /// <param name="options">The WebSocket API settings whose limits are listed (REST shares them).</param>
    /// <param name="symbols">The symbols to list (all, or those asked for).</param>
    /// <param name="now">Server time in ms.</param>
    /// <returns>The object.</returns>
    public static JsonObject Build(BinanceApiOptions options, IEnumerable<BinanceSimSymbol> symbols, long now) => new()
    {
        ["timezone"] = "UTC",
        ["serverTime"] = now,
        ["rateLimits"] = new JsonArray(
            Limit("REQUEST_WEIGHT", "MINUTE", 1, options.RequestWeightPerMinute),
            Limit("ORDERS", "SECOND", 10, options.OrdersPer10Seconds),
            Limit("ORDERS", "DAY", 1, options.OrdersPerDay),
            Limit("RAW_REQUESTS", "MINUTE", 5, 61_000)),
        ["exchangeFilters"] = new JsonArray(),
        ["symbols"] = new JsonArray([.. symbols.Select(s => (JsonNode)Symbol(s))]),
    };

    private static JsonObject Limit(string type, string interval, int intervalNum, int limit) => new()
    {
        ["rateLimitType"] = type,
        ["interval"] = interval,
        ["intervalNum"] = intervalNum,
        ["limit"] = limit,
    };

    private static JsonObject Symbol(BinanceSimSymbol symbol) => new()
    {
        ["symbol"] = symbol.Symbol,
        ["status"] = "TRADING",
        ["baseAsset"] = symbol.BaseAsset,
        ["baseAssetPrecision"] = 8,
        ["quoteAsset"] = symbol.QuoteAsset,
        ["quotePrecision"] = 8,
        ["quoteAssetPrecision"] = 8,
        ["baseCommissionPrecision"] = 8,
        ["quoteCommissionPrecision"] = 8,
        ["orderTypes"] = new JsonArray("LIMIT", "LIMIT_MAKER", "MARKET"),
        ["icebergAllowed"] = false,
        ["ocoAllowed"] = false,
        ["otoAllowed"] = false,
        ["quoteOrderQtyMarketAllowed"] = true,
        ["allowTrailingStop"] = false,
        ["cancelReplaceAllowed"] = false,
        ["isSpotTradingAllowed"] = true,
        ["isMarginTradingAllowed"] = false,
        ["filters"] = new JsonArray(
            new JsonObject
            {
                ["filterType"] = "PRICE_FILTER",
                ["minPrice"] = ApiJson.Amount(symbol.TickSize),
                ["maxPrice"] = ApiJson.Amount(1_000_000m),
                ["tickSize"] = ApiJson.Amount(symbol.TickSize),
            },
            new JsonObject
            {
                ["filterType"] = "LOT_SIZE",
                ["minQty"] = ApiJson.Amount(symbol.MinQty),
                ["maxQty"] = ApiJson.Amount(9_000m),
                ["stepSize"] = ApiJson.Amount(symbol.StepSize),
            },
            new JsonObject
            {
                ["filterType"] = "NOTIONAL",
                ["minNotional"] = ApiJson.Amount(symbol.MinNotional),
                ["applyMinToMarket"] = true,
                ["maxNotional"] = ApiJson.Amount(9_000_000m),
                ["applyMaxToMarket"] = false,
                ["avgPriceMins"] = 5,
            }),
        ["permissions"] = new JsonArray(),
        ["permissionSets"] = new JsonArray(new JsonArray("SPOT")),
        ["defaultSelfTradePreventionMode"] = "NONE",
        ["allowedSelfTradePreventionModes"] = new JsonArray("NONE"),
    };
}
