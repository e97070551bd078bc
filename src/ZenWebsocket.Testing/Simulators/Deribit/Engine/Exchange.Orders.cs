using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Deribit;

internal sealed partial class Exchange
{
    private JsonNode Cancel(CallContext c)
    {
        var order = OwnOrder(c);
        if (!order.IsOpen)
        {
            throw RpcException.Of(ErrorCodes.NotOpenOrder);
        }

        CancelOrder(order, "user_request", c.NowMs);
        return OrderJson(order);
    }

    private JsonNode CancelAll(CallContext c) => CancelMany(c, _ => true);

    private JsonNode CancelAllByInstrument(CallContext c)
    {
        var instrument = Instrument(c.Params);
        return CancelMany(c, o => o.Instrument == instrument);
    }

    private JsonNode CancelAllByCurrency(CallContext c)
    {
        var currency = Currency(c.Params);
        var kind = c.Params.String("kind") ?? "any";
        return CancelMany(c, o => (currency == "any" || o.Instrument.Currency == currency) && (kind == "any" || o.Instrument.Kind == kind));
    }

    private JsonNode CancelByLabel(CallContext c)
    {
        var label = c.Params.RequireString("label");
        var currency = c.Params.String("currency");
        return CancelMany(c, o => o.Label == label && (currency is null || o.Instrument.Currency == currency));
    }

    private JsonNode CancelMany(CallContext c, Func<SimOrder, bool> filter)
    {
        var account = c.Account;
        var cancelled = CancelWhere(o => o.Owner == account && filter(o), "user_request");
        return c.Params.Bool("detailed") ?? false
            ? new JsonArray(cancelled.Select(o => (JsonNode)new JsonObject { ["order"] = OrderJson(o), ["trades"] = new JsonArray() }).ToArray())
            : cancelled.Count;
    }

    private List<SimOrder> CancelWhere(Func<SimOrder, bool> filter, string reason)
    {
        var now = Now();
        var cancelled = _orders.Values.Where(o => o.IsOpen && filter(o)).ToList();
        cancelled.ForEach(o => CancelOrder(o, reason, now));
        return cancelled;
    }

    private void CancelOrder(SimOrder order, string reason, long now)
    {
        order.Instrument.Book.Remove(order);
        order.State = "cancelled";
        order.CancelReason = reason;
        order.LastUpdateTimestamp = now;
        _touchedBooks.Add(order.Instrument);
        if (order.Owner is { } owner)
        {
            _touchedAccounts.Add((owner, order.Instrument.Currency));
        }

        Changed(order);
    }

    private JsonNode GetOpenOrders(CallContext c) => OpenOrders(c, _ => true);

    private JsonNode GetOpenOrdersByCurrency(CallContext c)
    {
        var currency = Currency(c.Params);
        var kind = c.Params.String("kind") ?? "any";
        return OpenOrders(c, o => (currency == "any" || o.Instrument.Currency == currency) && (kind == "any" || o.Instrument.Kind == kind));
    }

    private JsonNode GetOpenOrdersByInstrument(CallContext c)
    {
        var instrument = Instrument(c.Params);
        return OpenOrders(c, o => o.Instrument == instrument);
    }

    private JsonArray OpenOrders(CallContext c, Func<SimOrder, bool> filter)
    {
        // Only plain limit orders rest in the simulator, so every type filter but the trigger ones sees them all.
        var type = c.Params.String("type") ?? "all";
        var account = c.Account;
        var orders = type is "all" or "limit"
            ? _orders.Values.Where(o => o.IsOpen && o.Owner == account && filter(o))
            : [];
        return new JsonArray(orders.Select(o => (JsonNode)OrderJson(o)).ToArray());
    }

    private JsonNode GetOrderState(CallContext c) => OrderJson(OwnOrder(c));

    private SimOrder OwnOrder(CallContext c)
    {
        var id = c.Params.RequireString("order_id");
        return _orders.TryGetValue(id, out var order) && order.Owner == c.Account
            ? order
            : throw RpcException.Of(ErrorCodes.OrderNotFound, null, "order_id");
    }

    public IReadOnlyList<DeribitOpenOrder> OpenOrderSnapshot()
    {
        lock (_lock)
        {
            return _orders.Values.Where(o => o.IsOpen).Select(o => new DeribitOpenOrder(
                o.OrderId, o.Owner!.ClientId, o.Instrument.Name, o.Direction, o.Price, o.Amount, o.Filled, o.Label, o.ConnectionId)).ToArray();
        }
    }
}
