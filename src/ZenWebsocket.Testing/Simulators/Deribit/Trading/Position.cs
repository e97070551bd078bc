namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>
/// A net position in one instrument. Futures are inverse (size in USD, P&amp;L in coin: size × (1/entry − 1/exit));
/// options are linear in coin premium (size in contracts, P&amp;L size × (exit − entry)).
/// </summary>
internal sealed class Position(InstrumentState instrument)
{
    public InstrumentState Instrument { get; } = instrument;

    /// <summary>Signed: positive long, negative short.</summary>
    public decimal Size { get; private set; }

    public decimal AveragePrice { get; private set; }

    public decimal Realized { get; private set; }

    private bool IsOption => Instrument.Definition.IsOption;

    /// <summary>Applies a fill; returns the P&amp;L it realised, in coin.</summary>
    public decimal Apply(bool buy, decimal amount, decimal price)
    {
        var signed = buy ? amount : -amount;
        decimal realized = 0;
        if (Size == 0 || Math.Sign(Size) == Math.Sign(signed))
        {
            AveragePrice = Blend(Math.Abs(Size), AveragePrice, amount, price);
            Size += signed;
        }
        else
        {
            var closed = Math.Min(amount, Math.Abs(Size));
            realized = Pnl(Math.Sign(Size) * closed, AveragePrice, price);
            Size += signed;
            if (Size == 0)
            {
                AveragePrice = 0;
            }
            else if (Math.Sign(Size) == Math.Sign(signed))
            {
                // The fill flipped the position: what is left opened at this price.
                AveragePrice = price;
            }
        }

        Realized += realized;
        return realized;
    }

    /// <summary>Floating P&amp;L against <paramref name="mark"/>, in coin.</summary>
    public decimal Unrealized(decimal mark) => Size == 0 || mark <= 0 ? 0 : Pnl(Size, AveragePrice, mark);

    /// <summary>Coin value of the position for equity (options only; futures carry no premium).</summary>
    public decimal Value(decimal mark) => IsOption ? Size * mark : 0;

    public decimal InitialMargin(decimal mark) => IsOption
        ? (Size < 0 ? -Size * 0.15m : 0)
        : mark <= 0 ? 0 : Math.Abs(Size) / mark * 0.02m;

    public decimal MaintenanceMargin(decimal mark) => InitialMargin(mark) / 2;

    private decimal Pnl(decimal signedSize, decimal entry, decimal exit) => IsOption
        ? signedSize * (exit - entry)
        : entry <= 0 || exit <= 0 ? 0 : Math.Round(signedSize * ((1 / entry) - (1 / exit)), 10);

    private decimal Blend(decimal size, decimal average, decimal amount, decimal price)
    {
        if (size == 0)
        {
            return price;
        }

        // Inverse contracts average harmonically (USD over coin); options average arithmetically.
        var blended = IsOption
            ? ((size * average) + (amount * price)) / (size + amount)
            : (size + amount) / ((size / average) + (amount / price));
        return Math.Round(blended, 8);
    }
}
