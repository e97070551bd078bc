using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Testing;

namespace ZenWebsocket.Tests.Adapters;

/// <summary>A running venue on the mock server, an adapter for it on a fake clock, and its recorded events.</summary>
public sealed class AdapterTestKit : IAsyncDisposable
{
    private AdapterTestKit(MockWebSocketServer server, ExampleVenueServer venue, ExampleVenueAdapter adapter, FakeTimeProvider time)
    {
        Server = server;
        Venue = venue;
        Adapter = adapter;
        Time = time;
        Events = new AdapterEvents(adapter);
    }

    public MockWebSocketServer Server { get; }

    public ExampleVenueServer Venue { get; }

    public ExampleVenueAdapter Adapter { get; }

    public FakeTimeProvider Time { get; }

    public AdapterEvents Events { get; }

    /// <summary>Backoff without jitter: 1 s, 2 s, 4 s, 8 s; the first retry after a drop immediate.</summary>
    public static ReconnectPolicy Policy { get; } = new() { Jitter = JitterMode.None, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(8) };

    public static async Task<AdapterTestKit> CreateAsync(Action<ExampleVenueOptions>? configure = null)
    {
        var venue = new ExampleVenueServer();
        var server = await MockWebSocketServer.StartAsync(venue.Options);
        var time = new FakeTimeProvider();
        var options = new ExampleVenueOptions
        {
            Endpoint = server.Url,
            ApiKey = ExampleVenueServer.Key,
            ApiSecret = ExampleVenueServer.Secret,
            TimeProvider = time,
            Reconnect = Policy,

            // A restore paced on a fake clock would wait for the clock; at this rate the pace rounds to no wait.
            Subscriptions = new SubscriptionManagerOptions { RestoreMessagesPerSecond = 1e9 },
        };
        configure?.Invoke(options);
        return new AdapterTestKit(server, venue, new ExampleVenueAdapter(options), time);
    }

    public IReadOnlyList<string> Calls(int connectionId) => ExampleVenueServer.Calls(Server, connectionId);

    public async ValueTask DisposeAsync()
    {
        await Adapter.DisposeAsync();
        await Server.DisposeAsync();
    }
}
