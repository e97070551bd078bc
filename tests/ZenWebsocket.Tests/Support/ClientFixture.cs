using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Testing;

namespace ZenWebsocket.Tests.Support;

/// <summary>A mock server plus a client on a fake clock, both cleaned up by the test.</summary>
public sealed class ClientFixture : IAsyncDisposable
{
    private ClientFixture(MockWebSocketServer server, ZenClient client, FakeTimeProvider time)
    {
        Server = server;
        Client = client;
        Time = time;
        States = new StateRecorder(client);
    }

    public MockWebSocketServer Server { get; }

    public ZenClient Client { get; }

    public FakeTimeProvider Time { get; }

    public StateRecorder States { get; }

    /// <summary>Starts a server and creates (not connects) a client on a fake clock.</summary>
    public static async Task<ClientFixture> CreateAsync(Func<ZenClientOptions, ZenClientOptions>? configure = null, MockServerOptions? serverOptions = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));
        var server = await MockWebSocketServer.StartAsync(serverOptions);
        var options = new ZenClientOptions
        {
            TimeProvider = time,
            Reconnect = new ReconnectPolicy { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1), Jitter = JitterMode.None },
        };
        options = configure?.Invoke(options) ?? options;
        return new ClientFixture(server, new ZenClient(server.Url, options), time);
    }

    public static async Task<ClientFixture> ConnectedAsync(Func<ZenClientOptions, ZenClientOptions>? configure = null, MockServerOptions? serverOptions = null)
    {
        var fixture = await CreateAsync(configure, serverOptions);
        await fixture.Client.ConnectAsync().Within();
        return fixture;
    }

    public async Task<string> NextTextAsync()
    {
        var message = await Client.ReceiveAsync().Within();
        Assert.NotNull(message);
        return message.Value.Text;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Server.DisposeAsync();
    }
}
