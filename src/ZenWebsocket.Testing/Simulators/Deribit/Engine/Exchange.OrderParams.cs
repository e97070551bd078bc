using System.Globalization;

namespace ZenWebsocket.Testing.Simulators.Deribit;

internal sealed partial class Exchange
{
    private static decimal? Amount(RpcParams p, InstrumentState instrument, bool required)
    {
        var amount = p.Decimal("amount");
        if (p.Decimal("contracts") is { } contracts)
        {
            var fromContracts = contracts * instrument.Definition.ContractSize;
            amount = amount is null || amount == fromContracts ? fromContracts : throw RpcException.Invalid("contracts", "must agree with amount");
        }

        if (amount is null)
        {
            return required ? throw RpcException.Missing("amount") : null;
        }

        var min = instrument.Definition.MinTradeAmount;
        if (amount < min)
        {
            throw RpcException.Of(ErrorCodes.QtyTooLow, $"must be at least {min.ToString(CultureInfo.InvariantCulture)}", "amount");
        }

        return amount % min == 0 ? amount : throw RpcException.Invalid("amount", $"must be a multiple of {Num.Norm(min).ToString(CultureInfo.InvariantCulture)}");
    }

    private static decimal? Price(RpcParams p, InstrumentState instrument, bool required)
    {
        var price = p.Decimal("price");
        if (price is null)
        {
            return required ? throw RpcException.Missing("price") : null;
        }

        if (price <= 0)
        {
            throw RpcException.Invalid("price", "must be positive");
        }

        return price % instrument.Definition.TickSize == 0 ? price : throw RpcException.Of(ErrorCodes.PriceWrongTick, null, "price");
    }

    /// <summary>A market order's protective limit: 10% through the opposite best, on the tick.</summary>
    private static decimal MarketLimit(InstrumentState i, bool buy)
    {
        var reference = (buy ? i.BestAsk : i.BestBid) ?? i.MarkPrice;
        var tick = i.Definition.TickSize;
        return Math.Max(tick, Num.RoundToTick(reference * (buy ? 1.1m : 0.9m), tick));
    }

    private static string NextId(string currency, ref long counter)
    {
        var id = (++counter).ToString(CultureInfo.InvariantCulture);
        return currency == "BTC" ? id : currency + "-" + id;
    }
}
