namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>Settings for the Binance simulator. Validated once, when it starts.</summary>
public sealed record BinanceSimulatorOptions
{
    /// <summary>Gets the seed of the market generator, so two runs with one seed see one market. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Gets the traded symbols. Default <see cref="BinanceSimSymbol.Defaults"/>.</summary>
    public IReadOnlyList<BinanceSimSymbol> Symbols { get; init; } = BinanceSimSymbol.Defaults;

    /// <summary>Gets the clock for pings, lifetimes, rate-limit buckets, timestamps and the generator. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets the port to listen on; 0 (default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Gets the WebSocket API settings.</summary>
    public BinanceApiOptions Api { get; init; } = new();

    /// <summary>Gets how often the server sends a WebSocket ping frame (with a payload) on every connection. Default 20 s, as Binance.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets how long a ping may stay without a pong echoing its payload before the connection is closed. Default 60 s, as Binance.</summary>
    public TimeSpan PongTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets how long a connection lives; at the end it gets <c>serverShutdown</c> and is closed after <see cref="ShutdownGrace"/>. Default 24 h, as Binance.</summary>
    public TimeSpan ConnectionLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Gets the time between a <c>serverShutdown</c> event and the close that follows it. Default 1 s.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the most streams one stream connection may hold. Default 1,024, as Binance.</summary>
    public int MaxStreamsPerConnection { get; init; } = 1024;

    /// <summary>
    /// Gets the most inbound frames (text, binary, ping and pong) a stream connection may send within one second of the
    /// simulator's clock; one more closes it. 0 turns the limit off. Default 5, as Binance. Mind short
    /// <see cref="PingInterval"/>s: the client's pongs count too.
    /// </summary>
    public int MaxIncomingMessagesPerSecond { get; init; } = 5;

    /// <summary>Gets the most WebSocket connection attempts per client IP within <see cref="ConnectionAttemptWindow"/>; later attempts get HTTP 429. 0 turns the limit off. Default 300, as Binance.</summary>
    public int MaxConnectionAttempts { get; init; } = 300;

    /// <summary>Gets the sliding window of <see cref="MaxConnectionAttempts"/>. Default 5 minutes, as Binance.</summary>
    public TimeSpan ConnectionAttemptWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets the step of the market generator: the cadence of the <c>@100ms</c> streams; <c>@depth</c> (1000 ms),
    /// <c>@depthN</c>, <c>@kline_1m</c> and <c>@ticker</c> publish on every 10th step. Default 100 ms.
    /// </summary>
    public TimeSpan MarketDataInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets whether the generator runs on its own timer. With <see langword="false"/> the market only moves on
    /// <see cref="BinanceSimulator.StepMarket"/>. Default <see langword="true"/>.</summary>
    public bool GenerateMarketData { get; init; } = true;

    /// <summary>Throws when a value is out of range, naming the option.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Api, "BinanceSimulatorOptions.Api");
        Api.Validate();
        ArgumentNullException.ThrowIfNull(Symbols, "BinanceSimulatorOptions.Symbols");
        ArgumentNullException.ThrowIfNull(TimeProvider, "BinanceSimulatorOptions.TimeProvider");
        if (Symbols.Count == 0)
        {
            throw new ArgumentException("BinanceSimulatorOptions.Symbols must name at least one symbol.", "BinanceSimulatorOptions.Symbols");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in Symbols)
        {
            if (symbol is null || string.IsNullOrWhiteSpace(symbol.Symbol) || !string.Equals(symbol.Symbol, symbol.Symbol.ToUpperInvariant(), StringComparison.Ordinal))
            {
                throw new ArgumentException("BinanceSimulatorOptions.Symbols: every symbol must be a non-empty upper-case name.", "BinanceSimulatorOptions.Symbols");
            }

            if (!seen.Add(symbol.Symbol))
            {
                throw new ArgumentException($"BinanceSimulatorOptions.Symbols names {symbol.Symbol} twice.", "BinanceSimulatorOptions.Symbols");
            }

            if (symbol.InitialPrice <= 0 || symbol.TickSize <= 0 || symbol.StepSize <= 0)
            {
                throw new ArgumentException($"BinanceSimulatorOptions.Symbols: {symbol.Symbol} needs a positive InitialPrice, TickSize and StepSize.", "BinanceSimulatorOptions.Symbols");
            }

            if (string.IsNullOrWhiteSpace(symbol.BaseAsset) || string.IsNullOrWhiteSpace(symbol.QuoteAsset) || symbol.MinQty < 0 || symbol.MinNotional < 0)
            {
                throw new ArgumentException($"BinanceSimulatorOptions.Symbols: {symbol.Symbol} needs a BaseAsset and a QuoteAsset, and a MinQty and MinNotional that are not negative.", "BinanceSimulatorOptions.Symbols");
            }
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Port, "BinanceSimulatorOptions.Port");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, "BinanceSimulatorOptions.Port");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PingInterval, TimeSpan.Zero, "BinanceSimulatorOptions.PingInterval");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PongTimeout, TimeSpan.Zero, "BinanceSimulatorOptions.PongTimeout");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectionLifetime, TimeSpan.Zero, "BinanceSimulatorOptions.ConnectionLifetime");
        ArgumentOutOfRangeException.ThrowIfLessThan(ShutdownGrace, TimeSpan.Zero, "BinanceSimulatorOptions.ShutdownGrace");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxStreamsPerConnection, 1, "BinanceSimulatorOptions.MaxStreamsPerConnection");
        ArgumentOutOfRangeException.ThrowIfNegative(MaxIncomingMessagesPerSecond, "BinanceSimulatorOptions.MaxIncomingMessagesPerSecond");
        ArgumentOutOfRangeException.ThrowIfNegative(MaxConnectionAttempts, "BinanceSimulatorOptions.MaxConnectionAttempts");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectionAttemptWindow, TimeSpan.Zero, "BinanceSimulatorOptions.ConnectionAttemptWindow");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MarketDataInterval, TimeSpan.Zero, "BinanceSimulatorOptions.MarketDataInterval");
    }
}
