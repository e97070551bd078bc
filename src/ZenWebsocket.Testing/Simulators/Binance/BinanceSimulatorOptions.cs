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

    /// <summary>Throws when a value is out of range, naming the option.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Api, "BinanceSimulatorOptions.Api");
        Api.Validate();
    }
}
