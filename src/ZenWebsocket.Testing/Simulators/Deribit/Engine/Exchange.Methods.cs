namespace ZenWebsocket.Testing.Simulators.Deribit;

internal sealed partial class Exchange
{
    private const int Read = 1;
    private const int ReadWrite = 2;

    // The covered surface of Deribit API v2. Anything else is -32601, as Deribit answers unknown methods.
    private Dictionary<string, MethodSpec> BuildMethods() => new(StringComparer.Ordinal)
    {
        ["public/auth"] = new(Authenticate),
        ["public/test"] = new(Test),
        ["public/get_time"] = new(c => c.NowMs),
        ["public/hello"] = new(Hello, WebSocketOnly: true),
        ["public/status"] = new(Status),
        ["public/set_heartbeat"] = new(SetHeartbeat, WebSocketOnly: true),
        ["public/disable_heartbeat"] = new(DisableHeartbeat, WebSocketOnly: true),
        ["public/get_instruments"] = new(GetInstruments),
        ["public/get_instrument"] = new(GetInstrument),
        ["public/get_currencies"] = new(GetCurrencies),
        ["public/get_index_price"] = new(GetIndexPrice),
        ["public/ticker"] = new(c => Ticker(Instrument(c.Params), c.NowMs)),
        ["public/get_order_book"] = new(GetOrderBook),
        ["public/subscribe"] = new(c => Subscribe(c, privateCall: false), WebSocketOnly: true),
        ["public/unsubscribe"] = new(Unsubscribe, WebSocketOnly: true),
        ["public/unsubscribe_all"] = new(UnsubscribeAll, WebSocketOnly: true),
        ["private/subscribe"] = new(c => Subscribe(c, privateCall: true), WebSocketOnly: true),
        ["private/unsubscribe"] = new(Unsubscribe, WebSocketOnly: true),
        ["private/unsubscribe_all"] = new(UnsubscribeAll, WebSocketOnly: true),
        ["private/logout"] = new(Logout, WebSocketOnly: true),
        ["private/buy"] = new(c => Place(c, buy: true), ScopeArea: "trade", ScopeLevel: ReadWrite),
        ["private/sell"] = new(c => Place(c, buy: false), ScopeArea: "trade", ScopeLevel: ReadWrite),
        ["private/edit"] = new(Edit, ScopeArea: "trade", ScopeLevel: ReadWrite),
        ["private/cancel"] = new(Cancel, ScopeArea: "trade", ScopeLevel: ReadWrite),
        ["private/cancel_all"] = new(CancelAll, ScopeArea: "trade", ScopeLevel: ReadWrite),
        ["private/cancel_all_by_instrument"] = new(CancelAllByInstrument, ScopeArea: "trade", ScopeLevel: ReadWrite),
        ["private/cancel_all_by_currency"] = new(CancelAllByCurrency, ScopeArea: "trade", ScopeLevel: ReadWrite),
        ["private/cancel_by_label"] = new(CancelByLabel, ScopeArea: "trade", ScopeLevel: ReadWrite),
        ["private/get_open_orders"] = new(GetOpenOrders, ScopeArea: "trade", ScopeLevel: Read),
        ["private/get_open_orders_by_currency"] = new(GetOpenOrdersByCurrency, ScopeArea: "trade", ScopeLevel: Read),
        ["private/get_open_orders_by_instrument"] = new(GetOpenOrdersByInstrument, ScopeArea: "trade", ScopeLevel: Read),
        ["private/get_order_state"] = new(GetOrderState, ScopeArea: "trade", ScopeLevel: Read),
        ["private/get_positions"] = new(GetPositions, ScopeArea: "trade", ScopeLevel: Read),
        ["private/get_position"] = new(GetPosition, ScopeArea: "trade", ScopeLevel: Read),
        ["private/get_account_summary"] = new(GetAccountSummary, ScopeArea: "account", ScopeLevel: Read),
        ["private/enable_cancel_on_disconnect"] = new(c => SetCancelOnDisconnect(c, enabled: true), ScopeArea: "account", ScopeLevel: ReadWrite),
        ["private/disable_cancel_on_disconnect"] = new(c => SetCancelOnDisconnect(c, enabled: false), ScopeArea: "account", ScopeLevel: ReadWrite),
        ["private/get_cancel_on_disconnect"] = new(GetCancelOnDisconnect, ScopeArea: "account", ScopeLevel: Read),
    };

    private InstrumentState Instrument(RpcParams parameters, string name = "instrument_name") =>
        _instruments.TryGetValue(parameters.RequireString(name), out var instrument)
            ? instrument
            : throw RpcException.Of(ErrorCodes.InvalidInstrument, "unknown instrument", name);

    private string Currency(RpcParams parameters, bool required = true)
    {
        var currency = required ? parameters.RequireString("currency") : parameters.String("currency") ?? "any";
        if (currency == "any" || _instruments.Values.Any(i => i.Currency == currency) || _accounts.Values.Any(a => a.Balances.ContainsKey(currency)))
        {
            return currency;
        }

        throw RpcException.Invalid("currency", "unknown currency");
    }
}
