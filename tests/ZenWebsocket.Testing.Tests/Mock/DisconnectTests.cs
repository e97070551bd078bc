using System.Net.WebSockets;

namespace ZenWebsocket.Testing.Tests;

public sealed class DisconnectTests
{
    private static readonly Action<ClientWebSocketOptions> FastKeepAlive = o =>
    {
        o.KeepAliveInterval = TimeSpan.FromMilliseconds(100);
        o.KeepAliveTimeout = TimeSpan.FromMilliseconds(300);
    };

    [Fact]
    public async Task CloseAsync_sends_the_close_code_and_reason()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var client = await Client.ConnectAsync(server.Url);
        var connection = await server.WaitForConnectionAsync(1, Client.Bound);

        var closing = connection.CloseAsync((WebSocketCloseStatus)4001, "bye").AsTask();
        var message = await client.ReceiveAsync();
        await client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await closing.Bounded();

        Assert.Equal(WebSocketMessageType.Close, message.Type);
        Assert.Equal((WebSocketCloseStatus)4001, client.CloseStatus);
        Assert.Equal("bye", client.CloseStatusDescription);
        Assert.True(connection.Closed.IsCompleted);
    }

    [Fact]
    public async Task Abort_surfaces_at_the_client_as_a_WebSocketException()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var client = await Client.ConnectAsync(server.Url);
        var connection = await server.WaitForConnectionAsync(1, Client.Bound);
        var receive = client.ReceiveMessageAsync();

        connection.Abort();

        await Assert.ThrowsAnyAsync<WebSocketException>(() => receive.Bounded());
        await connection.Closed.Bounded();
        Assert.Null(connection.ClientCloseStatus);
    }

    [Fact]
    public async Task DisconnectAllAsync_closes_every_open_connection()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var first = await Client.ConnectAsync(server.Url);
        using var second = await Client.ConnectAsync(server.Url);
        await server.WaitForConnectionAsync(2, Client.Bound);
        var receives = new[] { first.ReceiveMessageAsync(), second.ReceiveMessageAsync() };

        await server.DisconnectAllAsync(DisconnectMode.Abort);

        foreach (var receive in receives)
        {
            await Assert.ThrowsAnyAsync<WebSocketException>(() => receive.Bounded());
        }
    }

    [Fact]
    public async Task Fragmented_text_arrives_as_one_message_over_several_frames()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var client = await Client.ConnectAsync(server.Url);
        var connection = await server.WaitForConnectionAsync(1, Client.Bound);

        await connection.SendFragmentedTextAsync("{\"hello\":\"world\"}", fragmentSize: 5);
        var buffer = new byte[1024];
        var first = await client.ReceiveAsync(buffer.AsMemory(), CancellationToken.None).AsTask().Bounded();
        var rest = await client.ReceiveTextAsync();

        Assert.False(first.EndOfMessage);
        Assert.Equal(WebSocketMessageType.Text, first.MessageType);
        Assert.Equal("{\"hello\":\"world\"}", System.Text.Encoding.UTF8.GetString(buffer, 0, first.Count) + rest);
    }

    [Fact]
    public async Task A_malformed_raw_frame_makes_the_client_fail()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var client = await Client.ConnectAsync(server.Url);
        var connection = await server.WaitForConnectionAsync(1, Client.Bound);
        var receive = client.ReceiveMessageAsync();

        // FIN + reserved opcode 0x3: a protocol error every client must reject.
        await connection.SendRawAsync(new byte[] { 0x83, 0x00 });

        await Assert.ThrowsAnyAsync<WebSocketException>(() => receive.Bounded());
    }

    [Fact]
    public async Task Raw_ping_and_pong_frames_keep_the_connection_usable()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var client = await Client.ConnectAsync(server.Url);
        var connection = await server.WaitForConnectionAsync(1, Client.Bound);

        await connection.SendPingAsync(new byte[] { 1, 2 });
        await connection.SendPongAsync(ReadOnlyMemory<byte>.Empty);
        await connection.SendTextAsync("after");

        Assert.Equal("after", await client.ReceiveTextAsync());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => connection.SendPingAsync(new byte[126]).AsTask());
    }

    [Fact]
    public async Task StopAnsweringPings_makes_a_keepalive_client_fault_while_a_normal_one_stays_up()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var starved = await Client.ConnectAsync(server.Url, FastKeepAlive);
        using var healthy = await Client.ConnectAsync(server.Url, FastKeepAlive);
        var starvedConnection = await server.WaitForConnectionAsync(1, Client.Bound);
        var healthyConnection = await server.WaitForConnectionAsync(2, Client.Bound);
        var starvedReceive = starved.ReceiveMessageAsync();
        var healthyReceive = healthy.ReceiveMessageAsync();

        starvedConnection.StopAnsweringPings();

        await Client.AssertFaultsAsync(starvedReceive);
        Assert.Equal(WebSocketState.Open, healthy.State);
        Assert.False(healthyReceive.IsCompleted);
        await healthyConnection.SendTextAsync("still here");
        Assert.Equal("still here", (await healthyReceive.Bounded()).Text);
    }

    [Fact]
    public async Task StopAnsweringPings_still_lets_the_server_send()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var client = await Client.ConnectAsync(server.Url);
        await server.WaitForConnectionAsync(1, Client.Bound);

        await server.DisconnectAllAsync(DisconnectMode.StopAnsweringPings);
        await server.InjectAsync("tick");

        Assert.Equal("tick", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task GoSilent_stops_echoes_and_pongs_while_tcp_stays_open()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var silent = await Client.ConnectAsync(server.Url);
        var connection = await server.WaitForConnectionAsync(1, Client.Bound);
        connection.GoSilent();

        await silent.SendTextAsync("anyone?");
        var receive = silent.ReceiveMessageAsync();
        await server.InjectAsync("dropped");

        Assert.True(await Client.IsStillPendingAsync(receive));
        Assert.Equal(WebSocketState.Open, silent.State);
        Assert.False(connection.Closed.IsCompleted);

        using var keepAlive = await Client.ConnectAsync(server.Url, FastKeepAlive);
        (await server.WaitForConnectionAsync(2, Client.Bound)).GoSilent();
        await Client.AssertFaultsAsync(keepAlive.ReceiveMessageAsync());
    }
}
