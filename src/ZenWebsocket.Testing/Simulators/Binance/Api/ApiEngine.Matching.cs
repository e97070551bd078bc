using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Binance;

internal sealed partial class ApiEngine
{
    private readonly Dictionary<string, AccountState> _accounts = new(StringComparer.Ordinal);
    private long _nextTradeId = 1;
    private long _nextExecutionId = 1;

    private void InitialiseAccounts()
    {
        var uid = 1000;
        foreach (var account in _api.Accounts)
        {
            var state = new AccountState(account, uid++);
            _accounts[account.Name] = state;
            foreach (var key in account.Keys)
            {
                _keys[key.ApiKey] = (key, state, new ApiSignatures(key));
            }
        }
    }

    /// <summary>
    /// Runs a validated order: NEW, then either an immediate fill at the top of the book (the whole quantity), an
    /// expiry (IOC/FOK that cannot fill) or a resting order that locks its balance.
    /// </summary>
    private List<(decimal Price, decimal Qty, long TradeId)> Execute(ApiCallContext context, OrderState order)
    {
        _orders[order.OrderId] = order;
        var account = _accounts[order.Account];
        var fills = new List<(decimal Price, decimal Qty, long TradeId)>();
        var hasTop = _market.TryGetTop(order.Symbol.Symbol, out var bid, out var ask);
        var top = order.IsBuy ? ask : bid;
        var crosses = order.Type == "MARKET" || (hasTop && (order.IsBuy ? order.Price >= ask : order.Price <= bid));
        Emit(context.After, order.Account, Report(order, "NEW", context.Now));
        if (crosses)
        {
            var tradeId = Fill(context.After, order, account, top, maker: false, context.Now);
            fills.Add((top, order.OrigQty, tradeId));
        }
        else if (order.TimeInForce is "IOC" or "FOK")
        {
            Close(order, "EXPIRED");
            Emit(context.After, order.Account, Report(order, "EXPIRED", context.Now));
        }
        else
        {
            var balance = account.Get(order.LockedAsset);
            order.LockedAmount = order.IsBuy ? order.Price * order.OrigQty : order.OrigQty;
            balance.Free -= order.LockedAmount;
            balance.Locked += order.LockedAmount;
            AccountPosition(context.After, account, context.Now, order.LockedAsset);
            _open.Add(order.OrderId, order);
            _openByClientId.Add((order.Account, order.ClientOrderId), order);
        }

        return fills;
    }

    /// <summary>Fills the rest of an order at <paramref name="price"/>; moves balances and reports TRADE and the position.</summary>
    private long Fill(List<(ApiSession, string)> output, OrderState order, AccountState account, decimal price, bool maker, long now)
    {
        var qty = order.OrigQty - order.ExecutedQty;
        var quote = price * qty;
        var baseBalance = account.Get(order.Symbol.BaseAsset);
        var quoteBalance = account.Get(order.Symbol.QuoteAsset);
        if (order.IsBuy)
        {
            quoteBalance.Locked -= order.LockedAmount;
            quoteBalance.Free += order.LockedAmount - quote;
            baseBalance.Free += qty;
        }
        else
        {
            baseBalance.Locked -= order.LockedAmount;
            baseBalance.Free += order.LockedAmount - qty;
            quoteBalance.Free += quote;
        }

        order.LockedAmount = 0;
        order.ExecutedQty += qty;
        order.CumulativeQuote += quote;
        Close(order, "FILLED");
        order.UpdateTime = now;
        var tradeId = _nextTradeId++;
        Emit(output, order.Account, Report(order, "TRADE", now, lastQty: qty, lastPrice: price, tradeId: tradeId, maker: maker));
        AccountPosition(output, account, now, order.Symbol.BaseAsset, order.Symbol.QuoteAsset);
        return tradeId;
    }

    private void Cancel(ApiCallContext context, OrderState order, string cancelId)
    {
        var account = _accounts[order.Account];
        var balance = account.Get(order.LockedAsset);
        balance.Locked -= order.LockedAmount;
        balance.Free += order.LockedAmount;
        order.LockedAmount = 0;
        Close(order, "CANCELED");
        order.UpdateTime = context.Now;
        Emit(context.After, order.Account, Report(order, "CANCELED", context.Now, clientIdOverride: cancelId, originalClientId: order.ClientOrderId));
        AccountPosition(context.After, account, context.Now, order.LockedAsset);
    }

    /// <summary>Gives an order its final status and takes it off the open-order indexes.</summary>
    private void Close(OrderState order, string status)
    {
        order.Status = status;
        _open.Remove(order.OrderId);
        _openByClientId.Remove((order.Account, order.ClientOrderId));
    }

    /// <summary>The generator moved a symbol: resting buys at or above the ask and sells at or below the bid fill at their price.</summary>
    private void OnMarketMoved(string symbol)
    {
        // The top is read before taking the engine's lock, so a generator that raises Moved while holding its own lock
        // cannot deadlock against a request thread that holds the engine's lock and asks the market.
        if (!_market.TryGetTop(symbol, out var bid, out var ask))
        {
            return;
        }

        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            var output = new List<(ApiSession, string)>();
            foreach (var order in _open.Values.Where(o => o.Symbol.Symbol == symbol).ToList())
            {
                if (order.IsBuy ? ask <= order.Price : bid >= order.Price)
                {
                    Fill(output, order, _accounts[order.Account], order.Price, maker: true, Now);
                }
            }

            Flush(output);
        }
    }

    private static void Flush(List<(ApiSession Session, string Json)> output)
    {
        foreach (var (session, json) in output)
        {
            session.Send(json);
        }
    }

    /// <summary>Queues an event for every user-data subscription of <paramref name="account"/> on every connection.</summary>
    private void Emit(List<(ApiSession, string)> output, string account, JsonObject payload)
    {
        foreach (var session in _sessions)
        {
            foreach (var subscription in session.Subscriptions)
            {
                if (subscription.Account == account)
                {
                    output.Add((session, Wrap(subscription, (JsonObject)payload.DeepClone())));
                }
            }
        }
    }

    private void AccountPosition(List<(ApiSession, string)> output, AccountState account, long now, params string[] assets)
    {
        account.UpdateTime = now;
        var balances = new JsonArray();
        foreach (var asset in assets.Distinct(StringComparer.Ordinal))
        {
            var balance = account.Get(asset);
            balances.Add(new JsonObject { ["a"] = asset, ["f"] = ApiJson.Amount(balance.Free), ["l"] = ApiJson.Amount(balance.Locked) });
        }

        Emit(output, account.Name, new JsonObject { ["e"] = "outboundAccountPosition", ["E"] = now, ["u"] = now, ["B"] = balances });
    }

    /// <summary>An <c>executionReport</c> with the B.7 fields.</summary>
    private JsonObject Report(
        OrderState order,
        string executionType,
        long now,
        decimal lastQty = 0,
        decimal lastPrice = 0,
        long tradeId = -1,
        bool maker = false,
        string? clientIdOverride = null,
        string? originalClientId = null) => new()
    {
        ["e"] = "executionReport",
        ["E"] = now,
        ["s"] = order.Symbol.Symbol,
        ["c"] = clientIdOverride ?? order.ClientOrderId,
        ["S"] = order.Side,
        ["o"] = order.Type,
        ["f"] = order.TimeInForce,
        ["q"] = ApiJson.Amount(order.OrigQty),
        ["p"] = ApiJson.Amount(order.Price),
        ["P"] = ApiJson.Amount(0m),
        ["F"] = ApiJson.Amount(0m),
        ["g"] = -1,
        ["C"] = originalClientId ?? string.Empty,
        ["x"] = executionType,
        ["X"] = order.Status,
        ["r"] = "NONE",
        ["i"] = order.OrderId,
        ["l"] = ApiJson.Amount(lastQty),
        ["z"] = ApiJson.Amount(order.ExecutedQty),
        ["L"] = ApiJson.Amount(lastPrice),
        ["n"] = "0",
        ["N"] = null,
        ["T"] = now,
        ["t"] = tradeId,
        ["I"] = _nextExecutionId++,
        ["w"] = order.IsOpen,
        ["m"] = maker,
        ["M"] = false,
        ["O"] = order.Time,
        ["Z"] = ApiJson.Amount(order.CumulativeQuote),
        ["Y"] = ApiJson.Amount(lastQty * lastPrice),
        ["Q"] = ApiJson.Amount(order.QuoteOrderQty),
        ["W"] = order.Time,
        ["V"] = "NONE",
    };
}
