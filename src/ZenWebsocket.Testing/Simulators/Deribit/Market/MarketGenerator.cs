namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>
/// The seeded decisions of the synthetic market: how the anchor walks, how much liquidity each level holds, when
/// a synthetic taker trades. All randomness of the market comes from here, so one seed replays one market.
/// </summary>
internal sealed class MarketGenerator(int seed)
{
    /// <summary>Price levels the synthetic market maker keeps on each side.</summary>
    public const int Levels = 10;

#pragma warning disable CA5394 // Market simulation, not security: a seeded, reproducible generator is the point.
    private readonly Random _random = new(seed);

    /// <summary>-1, 0 or +1 tick, mostly 0: a slow random walk.</summary>
    public int NextStep() => _random.Next(10) switch
    {
        0 or 1 => -1,
        8 or 9 => 1,
        _ => 0,
    };

    /// <summary>A level amount: a whole number of minimum amounts, rounded for futures.</summary>
    public decimal LevelAmount(DeribitInstrument instrument) => instrument.MinTradeAmount * _random.Next(1, 60);

    public decimal TakerAmount(DeribitInstrument instrument) => instrument.MinTradeAmount * _random.Next(1, 8);

    public bool TradeNow() => _random.Next(5) == 0;

    public bool BuySide() => _random.Next(2) == 0;

    public bool ReshuffleNow() => _random.Next(3) == 0;

    public int PickLevel() => _random.Next(Levels);

    public long FirstChangeId() => _random.NextInt64(10_000_000, 90_000_000);
#pragma warning restore CA5394
}
