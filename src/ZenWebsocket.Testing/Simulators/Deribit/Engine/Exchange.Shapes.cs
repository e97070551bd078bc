using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Deribit;

internal sealed partial class Exchange
{
    private JsonObject Ticker(InstrumentState i, long timestamp)
    {
        var mark = i.MarkPrice;
        var index = IndexPrice(i.Currency);
        var tick = i.Definition.TickSize;
        var json = new JsonObject
        {
            ["timestamp"] = timestamp,
            ["instrument_name"] = i.Name,
            ["state"] = "open",
            ["best_bid_price"] = Num.Json(i.BestBid ?? 0),
            ["best_bid_amount"] = Num.Json(i.BestBid is { } b ? i.Book.AmountAt(bids: true, b) : 0),
            ["best_ask_price"] = Num.Json(i.BestAsk ?? 0),
            ["best_ask_amount"] = Num.Json(i.BestAsk is { } a ? i.Book.AmountAt(bids: false, a) : 0),
            ["last_price"] = Num.Json(i.LastPrice),
            ["mark_price"] = Num.Json(mark),
            ["index_price"] = Num.Json(index),
            ["estimated_delivery_price"] = Num.Json(index),
            ["settlement_price"] = Num.Json(i.OpenPrice),
            ["min_price"] = Num.Json(Math.Max(tick, Num.RoundToTick(mark * 0.975m, tick))),
            ["max_price"] = Num.Json(Num.RoundToTick(mark * 1.025m, tick)),
            ["open_interest"] = Num.Json(_accounts.Values.Sum(a => a.Positions.TryGetValue(i.Name, out var p) && p.Size > 0 ? p.Size : 0)),
            ["stats"] = new JsonObject
            {
                ["high"] = Num.Json(i.High),
                ["low"] = Num.Json(i.Low),
                ["price_change"] = Num.Json(i.OpenPrice == 0 ? 0 : Math.Round((i.LastPrice - i.OpenPrice) / i.OpenPrice * 100, 4)),
                ["volume"] = Num.Json(Math.Round(i.Volume, 8)),
                ["volume_usd"] = Num.Json(Math.Round(i.VolumeUsd, 2)),
            },
        };
        if (i.Definition.IsPerpetual)
        {
            json["current_funding"] = 0;
            json["funding_8h"] = 0.0000211m;
            json["interest_value"] = 0;
        }

        if (i.Definition.IsOption)
        {
            json["underlying_price"] = Num.Json(index);
            json["underlying_index"] = i.IndexName;
            json["interest_rate"] = 0;
            json["bid_iv"] = 50;
            json["ask_iv"] = 52;
            json["mark_iv"] = 51;
            json["greeks"] = new JsonObject
            {
                ["delta"] = i.Definition.OptionType == "call" ? 0.5m : -0.5m,
                ["gamma"] = 0.00002m,
                ["vega"] = 60m,
                ["theta"] = -40m,
                ["rho"] = 10m,
            };
        }

        return json;
    }

    private static JsonObject OrderJson(SimOrder o)
    {
        var json = new JsonObject
        {
            ["order_id"] = o.OrderId,
            ["instrument_name"] = o.Instrument.Name,
            ["direction"] = o.Direction,
            ["order_type"] = o.OrderType,
            ["order_state"] = o.State,
            ["price"] = Num.Json(o.Price),
            ["amount"] = Num.Json(o.Amount),
            ["contracts"] = Num.Json(o.Amount / o.Instrument.Definition.ContractSize),
            ["filled_amount"] = Num.Json(o.Filled),
            ["average_price"] = Num.Json(o.AveragePrice),
            ["time_in_force"] = o.TimeInForce,
            ["post_only"] = o.PostOnly,
            ["reject_post_only"] = o.RejectPostOnly,
            ["reduce_only"] = o.ReduceOnly,
            ["label"] = o.Label,
            ["replaced"] = o.Replaced,
            ["max_show"] = Num.Json(o.Amount),
            ["creation_timestamp"] = o.CreationTimestamp,
            ["last_update_timestamp"] = o.LastUpdateTimestamp,
            ["api"] = o.Api,
            ["web"] = false,
            ["mmp"] = false,
            ["risk_reducing"] = false,
            ["is_liquidation"] = false,
            ["is_rebalance"] = false,
        };
        if (o.CancelReason is not null)
        {
            json["cancel_reason"] = o.CancelReason;
        }

        return json;
    }

    private JsonObject PublicTradeJson(InstrumentState i, Fill fill, string tradeId, long timestamp) => new()
    {
        ["trade_seq"] = i.TradeSeq,
        ["trade_id"] = tradeId,
        ["timestamp"] = timestamp,
        ["tick_direction"] = i.LastTickDirection,
        ["price"] = Num.Json(fill.Price),
        ["mark_price"] = Num.Json(i.MarkPrice),
        ["index_price"] = Num.Json(IndexPrice(i.Currency)),
        ["instrument_name"] = i.Name,
        ["direction"] = fill.Taker.Direction,
        ["amount"] = Num.Json(fill.Amount),
        ["contracts"] = Num.Json(fill.Amount / i.Definition.ContractSize),
    };

    private static JsonObject UserTradeJson(JsonObject publicTrade, SimOrder order, bool maker, decimal fee, decimal pnl)
    {
        var json = (JsonObject)publicTrade.DeepClone();
        json["direction"] = order.Direction;
        json["order_id"] = order.OrderId;
        json["order_type"] = order.OrderType;
        json["state"] = order.Remaining == 0 ? "filled" : "open";
        json["fee"] = Num.Json(fee);
        json["fee_currency"] = order.Instrument.Currency;
        json["liquidity"] = maker ? "M" : "T";
        json["matching_id"] = null;
        json["reduce_only"] = order.ReduceOnly;
        json["post_only"] = order.PostOnly;
        json["profit_loss"] = Num.Json(pnl);
        json["label"] = order.Label;
        json["api"] = order.Api;
        json["mmp"] = false;
        json["self_trade"] = false;
        json["risk_reducing"] = false;
        return json;
    }
}
