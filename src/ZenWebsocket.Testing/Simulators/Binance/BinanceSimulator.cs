namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>
/// SKELETON (the streams/hosting work fills it in): a Binance Spot server on 127.0.0.1 serving market streams
/// (<c>/ws/&lt;stream&gt;</c>, <c>/stream?streams=</c>), the WebSocket API (<c>/ws-api/v3</c>) and REST
/// (<c>/api/v3/...</c>) on one port. The WebSocket API engine lives in <see cref="_api"/>; its public members are in
/// <c>BinanceSimulator.Api.cs</c>.
/// </summary>
public sealed partial class BinanceSimulator : IAsyncDisposable
{
    private readonly BinanceSimulatorOptions _options;
    private readonly ApiEngine _api;

    private BinanceSimulator(BinanceSimulatorOptions options, IMarketView market)
    {
        _options = options;
        _api = new ApiEngine(options, market);
    }

    /// <summary>Stops the simulator.</summary>
    /// <returns>Completes when stopped.</returns>
    public ValueTask DisposeAsync()
    {
        _api.Dispose();
        return ValueTask.CompletedTask;
    }
}
