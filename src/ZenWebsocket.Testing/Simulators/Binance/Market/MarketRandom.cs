namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>All randomness of the simulated Binance market, from one seed, so one seed replays one market.</summary>
internal sealed class MarketRandom(int seed)
{
#pragma warning disable CA5394 // Market simulation, not security: a seeded, reproducible generator is the point.
    private readonly Random _random = new(seed);

    public long FirstUpdateId() => _random.NextInt64(1_000_000, 9_000_000);

    public bool TradeNow() => _random.Next(4) == 0;

    public int ChangeCount() => _random.Next(1, 4);

    public bool Coin() => _random.Next(2) == 0;

    public int Action() => _random.Next(10);

    public int Index(int count) => _random.Next(count);

    public int Offset() => _random.Next(-1, 25);

    public int QuantitySteps() => _random.Next(100, 100_000);

    public int TradeSteps() => _random.Next(10, 20_000);

    /// <summary>How the mid moves this step: one tick down, none or one tick up, equally likely.</summary>
    public int MidStep() => _random.Next(-1, 2);

    public int GapSize() => _random.Next(3, 10);
#pragma warning restore CA5394
}
