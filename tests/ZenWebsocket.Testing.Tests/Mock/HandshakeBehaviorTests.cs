using System.Net;
using System.Net.WebSockets;

namespace ZenWebsocket.Testing.Tests;

public sealed class HandshakeBehaviorTests
{
    [Fact]
    public async Task RefuseHandshakes_answers_with_the_status_and_headers()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        server.RefuseHandshakes(429, new Dictionary<string, string> { ["Retry-After"] = "2" });
        using var client = new ClientWebSocket();
        client.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAnyAsync<WebSocketException>(() => client.ConnectAsync(server.Url, CancellationToken.None).Bounded());

        Assert.Equal(HttpStatusCode.TooManyRequests, client.HttpStatusCode);
        Assert.Equal(["2"], client.HttpResponseHeaders!["Retry-After"]);
        Assert.Equal(1, server.HandshakeCount);
        Assert.Equal(0, server.AcceptedCount);
    }

    [Fact]
    public async Task RefuseHandshakes_with_a_count_refuses_only_that_many()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        server.RefuseHandshakes(503, count: 1);

        await Assert.ThrowsAnyAsync<WebSocketException>(() => Client.ConnectAsync(server.Url));
        using var client = await Client.ConnectAsync(server.Url);

        Assert.Equal(2, server.HandshakeCount);
        Assert.Equal(1, server.AcceptedCount);
    }

    [Fact]
    public async Task HangHandshakes_reads_the_request_and_never_answers()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        server.HangHandshakes();
        using var client = new ClientWebSocket();
        using var giveUp = new CancellationTokenSource();

        var connect = client.ConnectAsync(server.Url, giveUp.Token);
        await server.WaitForHandshakesAsync(1, Client.Bound);
        Assert.True(await Client.IsStillPendingAsync(connect));

        // The short client-side timeout starts only now, so a slow machine cannot fire it before the request lands.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        using var link = timeout.Token.Register(giveUp.Cancel);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connect.Bounded());

        Assert.Equal(1, server.TcpConnectionCount);
        Assert.Equal(1, server.HandshakeCount);
        Assert.Equal(0, server.AcceptedCount);
    }

    [Fact]
    public async Task HangHandshakes_with_a_count_hangs_only_that_many()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        server.HangHandshakes(count: 1);
        using var hung = new ClientWebSocket();
        var hanging = hung.ConnectAsync(server.Url, CancellationToken.None);
        await server.WaitForHandshakesAsync(1, Client.Bound);

        using var client = await Client.ConnectAsync(server.Url);

        Assert.False(hanging.IsCompleted);
        Assert.Equal(1, server.AcceptedCount);
    }

    [Fact]
    public async Task DelayHandshakes_holds_the_upgrade_until_server_time_advances()
    {
        var time = new SignalingFakeTimeProvider();
        await using var server = await MockWebSocketServer.StartAsync(new MockServerOptions { TimeProvider = time });
        server.DelayHandshakes(TimeSpan.FromSeconds(5));
        using var client = new ClientWebSocket();

        var connect = client.ConnectAsync(server.Url, CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(5), await time.NextTimerAsync());
        Assert.True(await Client.IsStillPendingAsync(connect));

        time.Advance(TimeSpan.FromSeconds(5));
        await connect.Bounded();
        Assert.Equal(WebSocketState.Open, client.State);
    }

    [Fact]
    public async Task ResetHandshakeBehavior_accepts_again()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        server.RefuseHandshakes(503);
        await Assert.ThrowsAnyAsync<WebSocketException>(() => Client.ConnectAsync(server.Url));

        server.ResetHandshakeBehavior();
        using var client = await Client.ConnectAsync(server.Url);

        Assert.Equal(WebSocketState.Open, client.State);
    }

    [Fact]
    public async Task WaitForTcpConnectionsAsync_and_WaitForHandshakesAsync_complete_on_arrival()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        var tcp = server.WaitForTcpConnectionsAsync(1, Client.Bound);
        var handshake = server.WaitForHandshakesAsync(1, Client.Bound);

        using var client = await Client.ConnectAsync(server.Url);

        await tcp;
        await handshake;
        var error = await Assert.ThrowsAsync<TimeoutException>(() => server.WaitForHandshakesAsync(2, TimeSpan.FromMilliseconds(50)));
        Assert.Contains("saw 1", error.Message, StringComparison.Ordinal);
    }
}
