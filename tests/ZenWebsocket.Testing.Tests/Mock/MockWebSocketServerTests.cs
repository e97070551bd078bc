using System.Net.WebSockets;

namespace ZenWebsocket.Testing.Tests;

public sealed class MockWebSocketServerTests
{
    [Fact]
    public async Task Default_handler_echoes_text_as_text_and_binary_as_binary()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var client = await Client.ConnectAsync(server.Url);

        await client.SendTextAsync("hello");
        Assert.Equal("hello", await client.ReceiveTextAsync());

        await client.SendBinaryAsync([1, 2, 3]);
        var binary = await client.ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Binary, binary.Type);
        Assert.Equal(new byte[] { 1, 2, 3 }, binary.Data);
    }

    [Fact]
    public async Task Default_handler_answers_ping_with_pong()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var client = await Client.ConnectAsync(server.Url);

        await client.SendTextAsync("ping");

        Assert.Equal("pong", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task Url_port_and_counts_describe_the_running_server()
    {
        await using var server = await MockWebSocketServer.StartAsync(new MockServerOptions { Path = "/stream" });
        using var client = await Client.ConnectAsync(server.Url);

        Assert.Equal(new Uri($"ws://127.0.0.1:{server.Port}/stream"), server.Url);
        Assert.Null(server.Certificate);
        Assert.Equal(1, server.TcpConnectionCount);
        Assert.Equal(1, server.HandshakeCount);
        Assert.Equal(1, server.AcceptedCount);
        Assert.Single(server.Connections);
    }

    [Fact]
    public async Task The_first_offered_subprotocol_the_server_supports_is_selected()
    {
        await using var server = await MockWebSocketServer.StartAsync(new MockServerOptions { Subprotocols = ["json", "v2.stream"] });
        using var client = await Client.ConnectAsync(server.Url, o =>
        {
            o.AddSubProtocol("v3.stream");
            o.AddSubProtocol("v2.stream");
            o.AddSubProtocol("json");
        });

        var connection = await server.WaitForConnectionAsync(1, Client.Bound);

        Assert.Equal("v2.stream", client.SubProtocol);
        Assert.Equal("v2.stream", connection.Subprotocol);
    }

    [Fact]
    public async Task Path_query_and_request_headers_are_captured()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var client = await Client.ConnectAsync(new Uri(server.Url + "?streams=btcusdt@trade&x=1"), o => o.SetRequestHeader("X-Api-Key", "abc"));

        var connection = await server.WaitForConnectionAsync(1, Client.Bound);

        Assert.Equal(1, connection.Id);
        Assert.Equal("/ws", connection.Path);
        Assert.Equal("?streams=btcusdt@trade&x=1", connection.QueryString);
        Assert.Equal("abc", connection.RequestHeaders["x-api-key"]);
        Assert.Equal("websocket", connection.RequestHeaders["UPGRADE"], ignoreCase: true);
    }

    [Fact]
    public async Task Inject_sends_text_and_binary_to_every_open_connection()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var first = await Client.ConnectAsync(server.Url);
        using var second = await Client.ConnectAsync(server.Url);
        await server.WaitForConnectionAsync(2, Client.Bound);

        await server.InjectAsync("announcement");
        await server.InjectBinaryAsync(new byte[] { 9 });

        foreach (var client in new[] { first, second })
        {
            Assert.Equal("announcement", await client.ReceiveTextAsync());
            Assert.Equal(new byte[] { 9 }, (await client.ReceiveAsync()).Data);
        }
    }

    [Fact]
    public async Task Received_frames_from_all_connections_are_captured_in_order()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var first = await Client.ConnectAsync(server.Url);
        using var second = await Client.ConnectAsync(server.Url);

        await first.SendTextAsync("a");
        await server.ExpectMessageAsync("a", Client.Bound);
        await second.SendTextAsync("b");
        var b = await server.ExpectMessageAsync("b", Client.Bound);

        Assert.Equal(2, b.ConnectionId);
        Assert.Equal(["a", "b"], server.Received.Select(f => f.Text));
        var connection = await server.WaitForConnectionAsync(1, Client.Bound);
        Assert.Equal("a", Assert.Single(connection.Received).Text);
    }

    [Fact]
    public async Task WaitForConnectionAsync_returns_accepted_connections_and_waits_for_later_ones()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var first = await Client.ConnectAsync(server.Url);
        var secondAccepted = server.WaitForConnectionAsync(2, Client.Bound);

        Assert.Equal(1, (await server.WaitForConnectionAsync(1, Client.Bound)).Id);
        Assert.False(secondAccepted.IsCompleted);

        using var second = await Client.ConnectAsync(server.Url);
        Assert.Equal(2, (await secondAccepted).Id);
    }

    [Fact]
    public async Task WaitForConnectionAsync_times_out_with_the_counts_seen()
    {
        await using var server = await MockWebSocketServer.StartAsync();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => server.WaitForConnectionAsync(1, TimeSpan.FromMilliseconds(50)));

        Assert.Contains("connection #1", error.Message, StringComparison.Ordinal);
        Assert.Contains("0 accepted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetHandler_replaces_the_handler_and_a_throwing_handler_does_not_kill_the_connection()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var client = await Client.ConnectAsync(server.Url);

        server.SetHandler((connection, frame) => frame.Text == "boom"
            ? throw new InvalidOperationException("script bug")
            : connection.SendTextAsync("got " + frame.Text));
        await client.SendTextAsync("boom");
        await client.SendTextAsync("x");
        Assert.Equal("got x", await client.ReceiveTextAsync());

        server.SetHandler(null);
        await client.SendTextAsync("ping");
        Assert.Equal("pong", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task Client_close_is_recorded_and_the_handshake_completed()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var client = await Client.ConnectAsync(server.Url);
        var connection = await server.WaitForConnectionAsync(1, Client.Bound);

        await client.CloseAsync((WebSocketCloseStatus)4002, "done", CancellationToken.None).WaitAsync(Client.Bound, TimeProvider.System);
        await connection.Closed.Bounded();

        Assert.Equal(WebSocketState.Closed, client.State);
        Assert.Equal((WebSocketCloseStatus)4002, connection.ClientCloseStatus);
        Assert.Equal("done", connection.ClientCloseDescription);
        Assert.Empty(server.Connections);
    }

    [Theory]
    [InlineData("ws", 10, "Path")]
    [InlineData("/ws", 0, "CaptureLimit")]
    public async Task StartAsync_rejects_invalid_options_naming_the_option(string path, int captureLimit, string option)
    {
        var options = new MockServerOptions { Path = path, CaptureLimit = captureLimit };

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => MockWebSocketServer.StartAsync(options));

        Assert.Equal(option, error.ParamName);
    }

    [Fact]
    public async Task DisposeAsync_is_idempotent_and_ends_open_connections()
    {
        var server = await MockWebSocketServer.StartAsync();
        using var client = await Client.ConnectAsync(server.Url);
        var connection = await server.WaitForConnectionAsync(1, Client.Bound);
        var receive = client.ReceiveMessageAsync();

        await server.DisposeAsync();
        await server.DisposeAsync();

        await connection.Closed.Bounded();
        await Assert.ThrowsAnyAsync<WebSocketException>(() => receive.Bounded());
    }
}
