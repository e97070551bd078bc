using System.Net;
using System.Net.WebSockets;

namespace ZenWebsocket.Testing.Tests;

public sealed class FaultProxyTests
{
    private static IPEndPoint Upstream(MockWebSocketServer server) => new(IPAddress.Loopback, server.Port);

    [Fact]
    public async Task Forwards_an_echo_and_counts_connections()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(Upstream(server));
        using var client = await Client.ConnectAsync(proxy.Rewrite(server.Url));

        await client.SendTextAsync("through");

        Assert.Equal("through", await client.ReceiveTextAsync());
        Assert.Equal(new Uri($"ws://127.0.0.1:{proxy.Port}/ws"), proxy.Rewrite(server.Url));
        Assert.Equal(proxy.Port, proxy.EndPoint.Port);
        Assert.Equal(1, proxy.ConnectionCount);
        Assert.Equal(1, proxy.ActiveConnections);
        await proxy.WaitForConnectionsAsync(1, Client.Bound);
    }

    [Fact]
    public async Task CutAll_kills_the_client_and_server_connections()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(Upstream(server));
        using var client = await Client.ConnectAsync(proxy.Rewrite(server.Url));
        var connection = await server.WaitForConnectionAsync(1, Client.Bound);
        var receive = client.ReceiveMessageAsync();

        proxy.CutAll();

        await Assert.ThrowsAnyAsync<WebSocketException>(() => receive.Bounded());
        await connection.Closed.Bounded();
        using var again = await Client.ConnectAsync(proxy.Rewrite(server.Url));
        Assert.Equal(2, proxy.ConnectionCount);
    }

    [Fact]
    public async Task Blackhole_holds_traffic_until_it_is_lifted()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(Upstream(server));
        using var client = await Client.ConnectAsync(proxy.Rewrite(server.Url));

        proxy.Blackhole = true;
        await client.SendTextAsync("into the void");
        var receive = client.ReceiveMessageAsync();

        Assert.True(await Client.IsStillPendingAsync(receive));
        Assert.Empty(server.Received);
        Assert.Equal(WebSocketState.Open, client.State);

        proxy.Blackhole = false;
        Assert.Equal("into the void", (await receive.Bounded()).Text);
    }

    [Fact]
    public async Task Blackhole_accepts_new_connections_without_connecting_upstream()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(Upstream(server));
        proxy.Blackhole = true;
        using var client = new ClientWebSocket();

        var connect = client.ConnectAsync(proxy.Rewrite(server.Url), CancellationToken.None);
        await proxy.WaitForConnectionsAsync(1, Client.Bound);

        Assert.True(await Client.IsStillPendingAsync(connect));
        Assert.Equal(0, server.TcpConnectionCount);
        proxy.Blackhole = false;
        await connect.Bounded();
    }

    [Fact]
    public async Task RefuseNew_accepts_and_closes_new_connections()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(Upstream(server));
        proxy.RefuseNew = true;

        await Assert.ThrowsAnyAsync<WebSocketException>(() => Client.ConnectAsync(proxy.Rewrite(server.Url)));

        // The HTTP stack may retry a request whose fresh connection closed before answering.
        Assert.True(proxy.ConnectionCount >= 1);
        Assert.Equal(0, server.TcpConnectionCount);
        proxy.RefuseNew = false;
        using var client = await Client.ConnectAsync(proxy.Rewrite(server.Url));
    }

    [Fact]
    public async Task Latency_delays_delivery_until_proxy_time_advances()
    {
        var time = new SignalingFakeTimeProvider();
        await using var server = await MockWebSocketServer.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(Upstream(server), new FaultProxyOptions { TimeProvider = time });
        using var client = await Client.ConnectAsync(proxy.Rewrite(server.Url));

        proxy.Latency = TimeSpan.FromSeconds(1);
        await client.SendTextAsync("slow");
        var receive = client.ReceiveMessageAsync();
        Assert.Equal(TimeSpan.FromSeconds(1), await time.NextTimerAsync());
        Assert.True(await Client.IsStillPendingAsync(receive));
        Assert.Empty(server.Received);

        time.Advance(TimeSpan.FromSeconds(1));
        await server.ExpectMessageAsync("slow", Client.Bound);
        Assert.True(await Client.IsStillPendingAsync(receive), "the echo is delayed on the way back too");
        var echo = await time.AdvanceUntilDoneAsync(receive);

        Assert.Equal("slow", echo.Text);
    }

    [Fact]
    public async Task BytesPerSecond_paces_delivery_on_proxy_time()
    {
        var time = new SignalingFakeTimeProvider();
        await using var server = await MockWebSocketServer.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(Upstream(server), new FaultProxyOptions { TimeProvider = time });
        using var client = await Client.ConnectAsync(proxy.Rewrite(server.Url));
        var start = time.GetUtcNow();

        proxy.BytesPerSecond = 100;
        await client.SendTextAsync(new string('x', 50));
        var echo = await time.AdvanceUntilDoneAsync(client.ReceiveMessageAsync());

        Assert.Equal(50, echo.Data.Length);
        Assert.True(time.GetUtcNow() - start >= TimeSpan.FromSeconds(1), "56 bytes each way at 100 B/s take over a second of proxy time");
    }

    [Fact]
    public async Task Invalid_fault_settings_are_rejected()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(Upstream(server));

        Assert.Throws<ArgumentOutOfRangeException>(() => proxy.Latency = TimeSpan.FromSeconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => proxy.BytesPerSecond = 0);
        await proxy.DisposeAsync();
        await proxy.DisposeAsync();
    }
}
