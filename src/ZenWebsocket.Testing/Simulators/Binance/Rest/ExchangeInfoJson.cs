using System.Text.Json;

namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>
/// The <c>exchangeInfo</c> object, shared by <c>GET /api/v3/exchangeInfo</c> and the WebSocket API's
/// <c>exchangeInfo</c> method: the simulated symbols (status TRADING, PRICE_FILTER / LOT_SIZE / NOTIONAL) and the
/// rate limits of B.8.
/// </summary>
internal static class ExchangeInfoJson
{
    private static readonly string[] OrderTypes = ["LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT"];
    private static readonly string[] StpModes = ["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT"];

    /// <summary>Writes the whole object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="symbols">The symbols to list (all, or those asked for).</param>
    /// <param name="serverTimeMs">Server time in ms.</param>
    public static void Write(Utf8JsonWriter writer, IEnumerable<BinanceSimSymbol> symbols, long serverTimeMs)
    {
        writer.WriteStartObject();
        writer.WriteString("timezone", "UTC");
        writer.WriteNumber("serverTime", serverTimeMs);
        writer.WriteStartArray("rateLimits");
        WriteRateLimit(writer, "REQUEST_WEIGHT", "MINUTE", 1, 6000);
        WriteRateLimit(writer, "ORDERS", "SECOND", 10, 50);
        WriteRateLimit(writer, "ORDERS", "DAY", 1, 160_000);
        WriteRateLimit(writer, "RAW_REQUESTS", "MINUTE", 5, 61_000);
        writer.WriteEndArray();
        writer.WriteStartArray("exchangeFilters");
        writer.WriteEndArray();
        writer.WriteStartArray("symbols");
        foreach (var symbol in symbols)
        {
            WriteSymbol(writer, symbol);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The whole object as text.</summary>
    public static string ToJson(IEnumerable<BinanceSimSymbol> symbols, long serverTimeMs) => MarketJson.Write(w => Write(w, symbols, serverTimeMs));

    private static void WriteRateLimit(Utf8JsonWriter writer, string type, string interval, int intervalNum, int limit)
    {
        writer.WriteStartObject();
        writer.WriteString("rateLimitType", type);
        writer.WriteString("interval", interval);
        writer.WriteNumber("intervalNum", intervalNum);
        writer.WriteNumber("limit", limit);
        writer.WriteEndObject();
    }

    private static void WriteSymbol(Utf8JsonWriter writer, BinanceSimSymbol symbol)
    {
        writer.WriteStartObject();
        writer.WriteString("symbol", symbol.Symbol);
        writer.WriteString("status", "TRADING");
        writer.WriteString("baseAsset", symbol.BaseAsset);
        writer.WriteNumber("baseAssetPrecision", 8);
        writer.WriteString("quoteAsset", symbol.QuoteAsset);
        writer.WriteNumber("quotePrecision", 8);
        writer.WriteNumber("quoteAssetPrecision", 8);
        writer.WriteNumber("baseCommissionPrecision", 8);
        writer.WriteNumber("quoteCommissionPrecision", 8);
        writer.WriteStartArray("orderTypes");
        foreach (var type in OrderTypes)
        {
            writer.WriteStringValue(type);
        }

        writer.WriteEndArray();
        writer.WriteBoolean("icebergAllowed", true);
        writer.WriteBoolean("ocoAllowed", true);
        writer.WriteBoolean("otoAllowed", true);
        writer.WriteBoolean("quoteOrderQtyMarketAllowed", true);
        writer.WriteBoolean("allowTrailingStop", true);
        writer.WriteBoolean("cancelReplaceAllowed", true);
        writer.WriteBoolean("amendAllowed", true);
        writer.WriteBoolean("isSpotTradingAllowed", true);
        writer.WriteBoolean("isMarginTradingAllowed", false);
        writer.WriteStartArray("filters");

        writer.WriteStartObject();
        writer.WriteString("filterType", "PRICE_FILTER");
        writer.WriteString("minPrice", MarketJson.Decimal(symbol.TickSize));
        writer.WriteString("maxPrice", MarketJson.Decimal(1_000_000m));
        writer.WriteString("tickSize", MarketJson.Decimal(symbol.TickSize));
        writer.WriteEndObject();

        writer.WriteStartObject();
        writer.WriteString("filterType", "LOT_SIZE");
        writer.WriteString("minQty", MarketJson.Decimal(symbol.MinQty));
        writer.WriteString("maxQty", MarketJson.Decimal(9_000m));
        writer.WriteString("stepSize", MarketJson.Decimal(symbol.StepSize));
        writer.WriteEndObject();

        writer.WriteStartObject();
        writer.WriteString("filterType", "NOTIONAL");
        writer.WriteString("minNotional", MarketJson.Decimal(symbol.MinNotional));
        writer.WriteBoolean("applyMinToMarket", true);
        writer.WriteString("maxNotional", MarketJson.Decimal(9_000_000m));
        writer.WriteBoolean("applyMaxToMarket", false);
        writer.WriteNumber("avgPriceMins", 5);
        writer.WriteEndObject();

        writer.WriteEndArray();
        writer.WriteStartArray("permissions");
        writer.WriteEndArray();
        writer.WriteStartArray("permissionSets");
        writer.WriteStartArray();
        writer.WriteStringValue("SPOT");
        writer.WriteEndArray();
        writer.WriteEndArray();
        writer.WriteString("defaultSelfTradePreventionMode", "EXPIRE_MAKER");
        writer.WriteStartArray("allowedSelfTradePreventionModes");
        foreach (var mode in StpModes)
        {
            writer.WriteStringValue(mode);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
