using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Binance;

internal sealed partial class ApiEngine
{
    private Dictionary<string, ApiMethod> CreateMethods()
    {
        static Func<ApiRequest, int> Fixed(int weight) => _ => weight;
        return new Dictionary<string, ApiMethod>(StringComparer.Ordinal)
        {
            ["ping"] = new(ApiSecurity.None, Fixed(1), _ => new JsonObject()),
            ["time"] = new(ApiSecurity.None, Fixed(1), c => new JsonObject { ["serverTime"] = c.Now }),
            ["exchangeInfo"] = new(ApiSecurity.None, Fixed(20), ExchangeInfo),
            ["depth"] = new(ApiSecurity.None, DepthWeight, Depth),
            ["session.logon"] = new(ApiSecurity.None, Fixed(2), SessionLogon),
            ["session.status"] = new(ApiSecurity.None, Fixed(2), SessionStatus),
            ["session.logout"] = new(ApiSecurity.None, Fixed(2), SessionLogout),
            ["session.subscriptions"] = new(ApiSecurity.None, Fixed(2), Subscriptions),
            ["userDataStream.subscribe"] = new(ApiSecurity.UserStream, Fixed(2), Subscribe),
            ["userDataStream.subscribe.signature"] = new(ApiSecurity.UserStream, Fixed(2), SubscribeSigned),
            ["userDataStream.unsubscribe"] = new(ApiSecurity.None, Fixed(2), Unsubscribe),
            ["order.place"] = new(ApiSecurity.Trade, Fixed(1), PlaceOrder, CountsOrders: true),
            ["order.cancel"] = new(ApiSecurity.Trade, Fixed(1), CancelOrder),
            ["order.status"] = new(ApiSecurity.UserData, Fixed(4), OrderStatus),
            ["openOrders.status"] = new(ApiSecurity.UserData, r => r.Has("symbol") ? 6 : 80, OpenOrdersStatus),
            ["openOrders.cancelAll"] = new(ApiSecurity.Trade, Fixed(1), CancelAll),
            ["account.status"] = new(ApiSecurity.UserData, Fixed(20), AccountStatus),
        };
    }

    /// <summary>Depth weight as REST: 5 / 25 / 50 / 250 for limits up to 100 / 500 / 1000 / 5000.</summary>
    private static int DepthWeight(ApiRequest request)
    {
        int limit;
        try
        {
            limit = (int)Math.Clamp(request.Long("limit") ?? 100, 1, 5000);
        }
        catch (ApiException)
        {
            limit = 100;
        }

        return limit switch
        {
            <= 100 => 5,
            <= 500 => 25,
            <= 1000 => 50,
            _ => 250,
        };
    }

    private JsonObject Depth(ApiCallContext context)
    {
        var symbol = FindSymbol(context.Request);
        var limit = (int)Math.Clamp(context.Request.Long("limit") ?? 100, 1, 5000);
        var snapshot = _market.GetSnapshot(symbol.Symbol, limit) ?? throw ApiException.Bad(ApiErrors.BadSymbol, "Invalid symbol.");
        static JsonArray Levels(IReadOnlyList<PriceLevel> levels) =>
            new([.. levels.Select(l => (JsonNode)new JsonArray(ApiJson.Amount(l.Price), ApiJson.Amount(l.Quantity)))]);
        return new JsonObject
        {
            ["lastUpdateId"] = snapshot.LastUpdateId,
            ["bids"] = Levels(snapshot.Bids),
            ["asks"] = Levels(snapshot.Asks),
        };
    }

    private JsonObject ExchangeInfo(ApiCallContext context)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        if (context.Request.Has("symbol"))
        {
            wanted.Add(FindSymbol(context.Request).Symbol);
        }

        if (context.Request.Params.TryGetValue("symbols", out var many) && many.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            foreach (var item in many.EnumerateArray())
            {
                var name = item.GetString() ?? string.Empty;
                wanted.Add(_market.Find(name)?.Symbol ?? throw ApiException.Bad(ApiErrors.BadSymbol, "Invalid symbol."));
            }
        }

        var symbols = _market.Symbols.Where(s => wanted.Count == 0 || wanted.Contains(s.Symbol));
        return ExchangeInfoJson.Build(_api, symbols, context.Now);
    }

    private BinanceSimSymbol FindSymbol(ApiRequest request)
    {
        var name = request.RequireString("symbol");
        return _market.Find(name) ?? throw ApiException.Bad(ApiErrors.BadSymbol, "Invalid symbol.");
    }
}
