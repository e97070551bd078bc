using System.Globalization;
using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Deribit;

internal sealed partial class Exchange
{
    private readonly Dictionary<string, SimOrder> _orders = new(StringComparer.Ordinal);
    private long _nextOrderId = 1_000_000;
    private long _nextTradeId = 500_000;

    private JsonNode Place(CallContext c, bool buy)
    {
        var p = c.Params;
        var instrument = Instrument(p);
        var type = p.OneOf("type", "limit", "limit", "market", "stop_limit", "stop_market", "take_limit", "take_market", "market_limit", "trailing_stop");
        if (type is not ("limit" or "market" or "market_limit"))
        {
            throw RpcException.Of(ErrorCodes.InvalidArguments, $"order type {type} is not supported by the simulator", "type");
        }

        var amount = Amount(p, instrument, required: true)!.Value;
        var label = p.String("label") ?? string.Empty;
        if (label.Length > 64)
        {
            throw RpcException.Invalid("label", "must be at most 64 characters");
        }

        var tif = p.OneOf("time_in_force", "good_til_cancelled", "good_til_cancelled", "good_til_day", "fill_or_kill", "immediate_or_cancel");
        var postOnly = p.Bool("post_only") ?? false;
        if (postOnly && tif is not ("good_til_cancelled" or "good_til_day"))
        {
            throw RpcException.Invalid("post_only", "post_only is only allowed with good_til_cancelled");
        }

        if (p.Long("valid_until") is { } validUntil && validUntil < c.NowMs)
        {
            throw RpcException.Of(ErrorCodes.TimedOut);
        }

        var reduceOnly = p.Bool("reduce_only") ?? false;
        if (reduceOnly)
        {
            var size = c.Account.PositionOf(instrument).Size;
            var room = buy ? Math.Max(0, -size) : Math.Max(0, size);
            amount = Math.Min(amount, room);
            if (amount <= 0)
            {
                throw RpcException.Of(ErrorCodes.InvalidArguments, "reduce_only order would increase the position", "reduce_only");
            }
        }

        var price = type == "limit" ? Price(p, instrument, required: true)!.Value : MarketLimit(instrument, buy);
        var order = new SimOrder
        {
            OrderId = NextId(instrument.Currency, ref _nextOrderId),
            Instrument = instrument,
            IsBuy = buy,
            Price = price,
            Amount = amount,
            OrderType = type == "limit" ? "limit" : "market",
            TimeInForce = tif,
            PostOnly = postOnly,
            RejectPostOnly = p.Bool("reject_post_only") ?? false,
            ReduceOnly = reduceOnly,
            Label = label,
            CreationTimestamp = c.NowMs,
            LastUpdateTimestamp = c.NowMs,
            Owner = c.Account,
            ConnectionId = c.Connection.Id,
        };
        ApplyPostOnly(order);
        if (!reduceOnly && AvailableFunds(c.Account, instrument.Currency) < OrderMargin(order))
        {
            throw RpcException.Of(ErrorCodes.NotEnoughFunds);
        }

        _orders[order.OrderId] = order;
        var trades = Execute(order, c.NowMs);
        return new JsonObject { ["order"] = OrderJson(order), ["trades"] = new JsonArray(trades.ToArray()) };
    }

    private JsonNode Edit(CallContext c)
    {
        var order = OwnOrder(c);
        if (!order.IsOpen)
        {
            throw RpcException.Of(ErrorCodes.NotOpenOrder);
        }

        var amount = Amount(c.Params, order.Instrument, required: false) ?? order.Amount;
        var price = Price(c.Params, order.Instrument, required: false) ?? order.Price;
        if (amount < order.Filled)
        {
            throw RpcException.Invalid("amount", "must not be below the filled amount");
        }

        var (oldAmount, oldPrice) = (order.Amount, order.Price);
        order.Instrument.Book.Remove(order);
        order.Amount = amount;
        order.Price = price;
        order.PostOnly = c.Params.Bool("post_only") ?? order.PostOnly;
        order.RejectPostOnly = c.Params.Bool("reject_post_only") ?? order.RejectPostOnly;
        try
        {
            ApplyPostOnly(order);
        }
        catch (RpcException)
        {
            // A rejected edit leaves the order as it was, in its place in the book.
            (order.Amount, order.Price) = (oldAmount, oldPrice);
            order.Instrument.Book.Add(order);
            throw;
        }

        order.Replaced = true;
        order.LastUpdateTimestamp = c.NowMs;
        var trades = Execute(order, c.NowMs);
        return new JsonObject { ["order"] = OrderJson(order), ["trades"] = new JsonArray(trades.ToArray()) };
    }

    /// <summary>
    /// Matches <paramref name="order"/>, then rests, fills or cancels what is left by its type and time in force.
    /// Returns the user trades of <paramref name="order"/>'s owner from this execution.
    /// </summary>
    private List<JsonNode> Execute(SimOrder order, long now)
    {
        var book = order.Instrument.Book;
        if (order.TimeInForce == "fill_or_kill" && book.Available(order.IsBuy, order.Price) < order.Remaining)
        {
            order.State = "cancelled";
            Changed(order);
            return [];
        }

        var fills = Matching.Match(book, order, order.Price);
        var trades = ProcessFills(fills, now, order);
        if (order.Remaining == 0)
        {
            order.State = "filled";
        }
        else if (order.OrderType == "limit" && order.TimeInForce is "good_til_cancelled" or "good_til_day")
        {
            order.State = "open";
            book.Add(order);
        }
        else
        {
            order.State = "cancelled";
        }

        order.LastUpdateTimestamp = now;
        _touchedBooks.Add(order.Instrument);
        Changed(order);
        return trades;
    }

    private static void ApplyPostOnly(SimOrder order)
    {
        var opposite = order.Instrument.Book.BestPrice(bids: !order.IsBuy);
        if (!order.PostOnly || opposite is not { } best || (order.IsBuy ? order.Price < best : order.Price > best))
        {
            return;
        }

        if (order.RejectPostOnly)
        {
            throw RpcException.Of(ErrorCodes.PostOnlyReject);
        }

        // Without reject_post_only a crossing post-only order is repriced just inside the spread (A.7).
        var tick = order.Instrument.Definition.TickSize;
        order.Price = order.IsBuy ? best - tick : best + tick;
    }

    private void Changed(SimOrder order) => _changedOrders.Add(order);
}
