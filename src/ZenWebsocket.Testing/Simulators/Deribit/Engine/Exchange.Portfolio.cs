using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Deribit;

internal sealed partial class Exchange
{
    private JsonNode GetPositions(CallContext c)
    {
        var currency = Currency(c.Params, required: false);
        var kind = c.Params.String("kind") ?? "any";
        var positions = c.Account.Positions.Values
            .Where(p => p.Size != 0 && (currency == "any" || p.Instrument.Currency == currency) && (kind == "any" || p.Instrument.Kind == kind))
            .Select(p => (JsonNode)PositionJson(p));
        return new JsonArray(positions.ToArray());
    }

    private JsonNode GetPosition(CallContext c) => PositionJson(c.Account.PositionOf(Instrument(c.Params)));

    private JsonNode GetAccountSummary(CallContext c) => AccountSummary(c.Account, Currency(c.Params));

    private JsonObject PositionJson(Position p)
    {
        var i = p.Instrument;
        var mark = i.MarkPrice;
        var upl = p.Unrealized(mark);
        return new JsonObject
        {
            ["instrument_name"] = i.Name,
            ["kind"] = i.Kind,
            ["direction"] = p.Size > 0 ? "buy" : p.Size < 0 ? "sell" : "zero",
            ["size"] = Num.Json(p.Size),
            ["size_currency"] = Num.Json(i.Definition.IsOption || mark == 0 ? p.Size : Math.Round(p.Size / mark, 8)),
            ["average_price"] = Num.Json(p.AveragePrice),
            ["mark_price"] = Num.Json(mark),
            ["index_price"] = Num.Json(IndexPrice(i.Currency)),
            ["settlement_price"] = Num.Json(i.OpenPrice),
            ["floating_profit_loss"] = Num.Json(Math.Round(upl, 8)),
            ["realized_profit_loss"] = Num.Json(Math.Round(p.Realized, 8)),
            ["total_profit_loss"] = Num.Json(Math.Round(upl + p.Realized, 8)),
            ["initial_margin"] = Num.Json(Math.Round(p.InitialMargin(mark), 8)),
            ["maintenance_margin"] = Num.Json(Math.Round(p.MaintenanceMargin(mark), 8)),
            ["open_orders_margin"] = Num.Json(Math.Round(OpenOrdersMargin(p.Instrument), 8)),
            ["leverage"] = i.Definition.IsOption ? null : 50,
            ["delta"] = Num.Json(Math.Round(i.Definition.IsOption ? p.Size * 0.5m : mark == 0 ? 0 : p.Size / mark, 8)),
            ["estimated_liquidation_price"] = null,
            ["realized_funding"] = 0,
            ["interest_value"] = 0,
        };
    }

    private decimal OpenOrdersMargin(InstrumentState instrument) =>
        _orders.Values.Where(o => o.IsOpen && o.Instrument == instrument).Sum(OrderMargin);

    /// <summary>What an order locks: 2% initial margin for futures, the premium for bought options, 15% for sold ones.</summary>
    private static decimal OrderMargin(SimOrder o) => o.Instrument.Definition.IsOption
        ? o.Remaining * (o.IsBuy ? o.Price : 0.15m)
        : o.Remaining / o.Price * 0.02m;

    private (decimal Equity, decimal Upl, decimal Initial, decimal Maintenance, decimal OptionsValue) Totals(AccountState account, string currency)
    {
        decimal upl = 0, initial = 0, maintenance = 0, value = 0;
        foreach (var p in account.Positions.Values.Where(p => p.Instrument.Currency == currency))
        {
            var mark = p.Instrument.MarkPrice;
            upl += p.Unrealized(mark);
            initial += p.InitialMargin(mark);
            maintenance += p.MaintenanceMargin(mark);
            value += p.Value(mark);
        }

        initial += _orders.Values.Where(o => o.IsOpen && o.Owner == account && o.Instrument.Currency == currency).Sum(OrderMargin);
        var futuresUpl = account.Positions.Values.Where(p => p.Instrument.Currency == currency && !p.Instrument.Definition.IsOption)
            .Sum(p => p.Unrealized(p.Instrument.MarkPrice));
        return (account.Balance(currency) + futuresUpl + value, upl, initial, maintenance, value);
    }

    private decimal AvailableFunds(AccountState account, string currency)
    {
        var totals = Totals(account, currency);
        return totals.Equity - totals.Initial;
    }

    private JsonObject AccountSummary(AccountState account, string currency)
    {
        var (equity, upl, initial, maintenance, optionsValue) = Totals(account, currency);
        var balance = account.Balance(currency);
        var rpl = account.SessionRpl.GetValueOrDefault(currency);
        return new JsonObject
        {
            ["currency"] = currency,
            ["balance"] = Num.Json(Math.Round(balance, 8)),
            ["equity"] = Num.Json(Math.Round(equity, 8)),
            ["margin_balance"] = Num.Json(Math.Round(equity, 8)),
            ["available_funds"] = Num.Json(Math.Round(equity - initial, 8)),
            ["available_withdrawal_funds"] = Num.Json(Math.Round(Math.Max(0, Math.Min(balance, equity - initial)), 8)),
            ["initial_margin"] = Num.Json(Math.Round(initial, 8)),
            ["maintenance_margin"] = Num.Json(Math.Round(maintenance, 8)),
            ["projected_initial_margin"] = Num.Json(Math.Round(initial, 8)),
            ["projected_maintenance_margin"] = Num.Json(Math.Round(maintenance, 8)),
            ["session_rpl"] = Num.Json(Math.Round(rpl, 8)),
            ["session_upl"] = Num.Json(Math.Round(upl, 8)),
            ["total_pl"] = Num.Json(Math.Round(rpl + upl, 8)),
            ["futures_pl"] = Num.Json(Math.Round(upl, 8)),
            ["options_pl"] = 0,
            ["options_value"] = Num.Json(Math.Round(optionsValue, 8)),
            ["fee_balance"] = 0,
            ["delta_total"] = Num.Json(Math.Round(account.Positions.Values.Where(p => p.Instrument.Currency == currency)
                .Sum(p => p.Instrument.Definition.IsOption ? p.Size * 0.5m : p.Instrument.MarkPrice == 0 ? 0 : p.Size / p.Instrument.MarkPrice), 8)),
            ["margin_model"] = "segregated_sm",
            ["portfolio_margining_enabled"] = false,
            ["cross_collateral_enabled"] = false,
            ["estimated_liquidation_ratio"] = equity <= 0 ? 0 : Num.Json(Math.Round(maintenance / equity, 8)),
            ["spot_reserve"] = 0,
            ["additional_reserve"] = 0,
            ["id"] = account.Id,
            ["username"] = account.ClientId,
            ["email"] = account.ClientId + "@simulator.invalid",
            ["type"] = "main",
            ["system_name"] = account.ClientId,
            ["limits"] = Limits(),
        };
    }

    private JsonObject Limits()
    {
        var r = _options.RateLimits;
        return new JsonObject
        {
            ["limits_per_currency"] = false,
            ["non_matching_engine"] = new JsonObject
            {
                ["burst"] = r.NonMatchingEngine.Capacity / r.NonMatchingEngine.Cost,
                ["rate"] = r.NonMatchingEngine.RefillPerSecond / r.NonMatchingEngine.Cost,
            },
            ["matching_engine"] = new JsonObject
            {
                ["trading"] = new JsonObject
                {
                    ["total"] = new JsonObject
                    {
                        ["burst"] = r.MatchingEngine.Capacity / r.MatchingEngine.Cost,
                        ["rate"] = r.MatchingEngine.RefillPerSecond / r.MatchingEngine.Cost,
                    },
                },
            },
        };
    }
}
