namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>
/// The seeded market of the Binance simulator: one <see cref="SymbolMarket"/> per symbol, stepped every
/// <see cref="BinanceSimulatorOptions.MarketDataInterval"/> on the simulator's clock (or by hand), publishing to the
/// subscribed streams.
/// </summary>
internal sealed class BinanceMarket : IMarketView, IDisposable
{
    private const int SlowEvery = 10;

    private readonly Lock _stepLock = new();
    private readonly MarketRandom _random;
    private readonly Dictionary<string, SymbolMarket> _markets = new(StringComparer.Ordinal);
    private readonly IStreamSink _sink;
    private readonly BinanceSimulatorOptions _options;
    private ITimer? _timer;
    private long _steps;
    private int _staleSnapshots;

    public BinanceMarket(BinanceSimulatorOptions options, IStreamSink sink)
    {
        _options = options;
        _sink = sink;
        _random = new MarketRandom(options.Seed);
        var now = options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var symbol in options.Symbols)
        {
            _markets[symbol.Symbol] = new SymbolMarket(symbol, _random, now);
        }
    }

    public event Action<string>? Moved;

    public IReadOnlyList<BinanceSimSymbol> Symbols => _options.Symbols;

    public TimeProvider Time => _options.TimeProvider;

    /// <summary>Starts the generator's timer (when <see cref="BinanceSimulatorOptions.GenerateMarketData"/>).</summary>
    public void Start()
    {
        if (_options.GenerateMarketData)
        {
            _timer = Time.CreateTimer(_ => Step(1), null, _options.MarketDataInterval, _options.MarketDataInterval);
        }
    }

    /// <summary>Advances every symbol by <paramref name="steps"/> generator steps.</summary>
    public void Step(int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            lock (_stepLock)
            {
                var slow = ++_steps % SlowEvery == 0;
                var now = Time.GetUtcNow().ToUnixTimeMilliseconds();
                foreach (var market in _markets.Values)
                {
                    market.Step(_random, _sink, now, slow);
                }
            }

            foreach (var symbol in _markets.Keys)
            {
                Moved?.Invoke(symbol);
            }
        }
    }

    public BinanceSimSymbol? Find(string symbol) => _markets.TryGetValue(symbol, out var market) ? market.Symbol : null;

    public bool TryGetTop(string symbol, out decimal bestBid, out decimal bestAsk)
    {
        if (_markets.TryGetValue(symbol, out var market))
        {
            return market.TryGetTop(out bestBid, out bestAsk);
        }

        bestBid = bestAsk = 0;
        return false;
    }

    public DepthSnapshot? GetSnapshot(string symbol, int limit)
    {
        if (!_markets.TryGetValue(symbol, out var market))
        {
            return null;
        }

        var stale = false;
        while (true)
        {
            var remaining = Volatile.Read(ref _staleSnapshots);
            if (remaining <= 0)
            {
                break;
            }

            if (Interlocked.CompareExchange(ref _staleSnapshots, remaining - 1, remaining) == remaining)
            {
                stale = true;
                break;
            }
        }

        return market.GetSnapshot(Math.Clamp(limit, 1, 5000), stale);
    }

    /// <summary>The last update id published for the symbol.</summary>
    public long CurrentUpdateId(string symbol) => Require(symbol).LastUpdateId;

    public void InjectGap(string symbol) => Require(symbol).InjectGap();

    public void ServeStaleSnapshots(int count) => Volatile.Write(ref _staleSnapshots, count);

    public void Dispose() => _timer?.Dispose();

    private SymbolMarket Require(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return _markets.TryGetValue(symbol.ToUpperInvariant(), out var market)
            ? market
            : throw new ArgumentException($"The simulator has no symbol '{symbol}'.", nameof(symbol));
    }
}
