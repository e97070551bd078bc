using ZenWebsocket.Testing.Simulators.Deribit;

namespace ZenWebsocket.Deribit.Tests.Support;

/// <summary>A Deribit simulator on loopback and an adapter pointed at it.</summary>
public sealed class DeribitKit : IAsyncDisposable
{
    private DeribitKit(DeribitSimulator simulator, DeribitAdapter adapter)
    {
        Simulator = simulator;
        Adapter = adapter;
        Events = new AdapterEvents(adapter);
    }

    public DeribitSimulator Simulator { get; }

    public DeribitAdapter Adapter { get; }

    public AdapterEvents Events { get; }

    public static ReconnectPolicy Policy { get; } = new() { Jitter = JitterMode.None, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) };

    public static async Task<DeribitKit> CreateAsync(Action<DeribitOptions>? configure = null, DeribitSimulatorOptions? simulatorOptions = null)
    {
        var simulator = await DeribitSimulator.StartAsync(simulatorOptions ?? new DeribitSimulatorOptions()).Within();
        var options = new DeribitOptions
        {
            Endpoint = simulator.WebSocketUrl,
            Credentials = new DeribitCredentials(DeribitAccount.DefaultClientId, DeribitAccount.DefaultClientSecret),
            Reconnect = Policy,
        };
        options.Subscriptions = options.Subscriptions with { RestoreMessagesPerSecond = 1_000_000 };
        configure?.Invoke(options);
        return new DeribitKit(simulator, new DeribitAdapter(options));
    }

    public async ValueTask DisposeAsync()
    {
        await Adapter.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
