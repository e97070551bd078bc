using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Deribit;

internal sealed partial class Exchange
{
    private const decimal FutureTakerFee = 0.0005m;
    private const decimal OptionFeePerContract = 0.0003m;

    /// <summary>Books every fill: trade ids, statistics, positions, balances, fees; queues the notifications.</summary>
    /// <returns>The user trades of <paramref name="owner"/>'s side, for the buy/sell/edit result.</returns>
    private List<JsonNode> ProcessFills(List<Fill> fills, long now, SimOrder owner)
    {
        var result = new List<JsonNode>();
        foreach (var fill in fills)
        {
            var instrument = fill.Taker.Instrument;
            instrument.TradeSeq++;
            instrument.RecordTrade(fill.Price, fill.Amount);
            var tradeId = NextId(instrument.Currency, ref _nextTradeId);
            var trade = PublicTradeJson(instrument, fill, tradeId, now);
            _publicTrades.Add((instrument, trade));
            _touchedBooks.Add(instrument);
            Changed(fill.Maker);
            foreach (var (order, maker) in new[] { (fill.Maker, true), (fill.Taker, false) })
            {
                if (order.Owner is not { } account)
                {
                    continue;
                }

                var userTrade = Settle(account, order, maker, fill, trade);
                _userTrades.Add((account, instrument, userTrade));
                if (order == owner)
                {
                    result.Add(userTrade.DeepClone());
                }
            }
        }

        return result;
    }

    private JsonObject Settle(AccountState account, SimOrder order, bool maker, Fill fill, JsonObject trade)
    {
        var instrument = order.Instrument;
        var currency = instrument.Currency;
        var isOption = instrument.Definition.IsOption;
        var fee = isOption ? OptionFeePerContract * fill.Amount : maker ? 0 : Math.Round(FutureTakerFee * fill.Amount / fill.Price, 8);
        var pnl = account.PositionOf(instrument).Apply(order.IsBuy, fill.Amount, fill.Price);

        // Futures settle P&L into the balance; options move the premium (their P&L lives in the position's value).
        var cash = isOption ? (order.IsBuy ? -1 : 1) * fill.Amount * fill.Price : pnl;
        AccountState.Add(account.Balances, currency, cash - fee);
        AccountState.Add(account.SessionRpl, currency, pnl);
        AccountState.Add(account.Fees, currency, fee);
        _touchedAccounts.Add((account, currency));
        return UserTradeJson(trade, order, maker, fee, pnl);
    }
}
