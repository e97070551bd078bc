using System.Buffers.Binary;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Testing.Tests.Binance;

public class BinanceConnectionRuleTests
{
    private static readonly TimeSpan Long = TimeSpan.FromHours(48);

    [Fact]
    public async Task Six_messages_within_one_second_close_a_stream_connection()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00.100Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet(time) with { MaxIncomingMessagesPerSecond = 5 });
        using var socket = await Client.ConnectAsync(simulator.Stream("/ws"));

        for (var i = 1; i <= 5; i++)
        {
            await socket.RequestAsync($$"""{"method":"LIST_SUBSCRIPTIONS","id":{{i}}}""");
        }

        time.Advance(TimeSpan.FromSeconds(1));
        for (var i = 1; i <= 5; i++)
        {
            await socket.RequestAsync($$"""{"method":"LIST_SUBSCRIPTIONS","id":{{i}}}""");
        }

        Assert.Equal(0, simulator.RateLimitDisconnects);
        await socket.SendTextAsync("""{"method":"LIST_SUBSCRIPTIONS","id":6}""");
        var closed = await socket.ReceiveAsync();

        Assert.Equal(WebSocketMessageType.Close, closed.Type);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        Assert.Equal(1, simulator.RateLimitDisconnects);
    }

    [Fact]
    public async Task Pings_carry_a_payload_and_an_echo_keeps_the_link_past_the_pong_timeout()
    {
        var time = new FakeTimeProvider();
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet(time) with { PingInterval = TimeSpan.FromSeconds(20), PongTimeout = TimeSpan.FromSeconds(60) });
        await using var client = await RawStreamClient.ConnectAsync(simulator.Port, "/ws");
        await simulator.WaitForStreamConnectionsAsync(1).Bounded();

        time.Advance(TimeSpan.FromSeconds(20));
        var ping = await client.ReadFrameAsync();
        Assert.Equal(0x9, ping.Opcode);
        Assert.NotEmpty(ping.Payload);
        await client.SendAsync(0xA, ping.Payload);

        // An unsolicited pong with another payload is allowed but keeps nothing alive.
        await client.SendAsync(0xA, []);
        await client.SendTextAsync("""{"method":"LIST_SUBSCRIPTIONS","id":1}""");
        Assert.Equal(0x1, (await client.ReadNonPingAsync()).Opcode);

        // Past the first ping's deadline (t = 80 s); the second ping (t = 40 s) is not due until t = 100 s.
        time.Advance(TimeSpan.FromSeconds(61));
        await client.SendTextAsync("""{"method":"LIST_SUBSCRIPTIONS","id":2}""");
        var reply = await client.ReadNonPingAsync();

        Assert.Equal(0x1, reply.Opcode);
        Assert.Equal("""{"result":[],"id":2}""", Encoding.UTF8.GetString(reply.Payload));
        Assert.Equal(0, simulator.PongTimeoutDisconnects);
    }

    [Fact]
    public async Task An_unanswered_ping_closes_the_connection_after_the_pong_timeout()
    {
        var time = new FakeTimeProvider();
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet(time) with { PingInterval = TimeSpan.FromSeconds(20), PongTimeout = TimeSpan.FromSeconds(60) });
        await using var client = await RawStreamClient.ConnectAsync(simulator.Port, "/ws-api/v3");
        await simulator.WaitForApiConnectionsAsync(1).Bounded();

        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(0x9, (await client.ReadFrameAsync()).Opcode);
        await client.SendAsync(0xA, Encoding.ASCII.GetBytes("not the payload"));
        time.Advance(TimeSpan.FromSeconds(60));
        var close = await client.ReadNonPingAsync();

        Assert.Equal(0x8, close.Opcode);
        Assert.Equal(1008, BinaryPrimitives.ReadUInt16BigEndian(close.Payload));
        Assert.Equal(1, simulator.PongTimeoutDisconnects);
    }

    [Fact]
    public async Task Discarded_pongs_close_a_client_that_answers_every_ping()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet() with { PingInterval = TimeSpan.FromMilliseconds(50), PongTimeout = TimeSpan.FromMilliseconds(200) });
        simulator.DiscardPongs();
        using var socket = await Client.ConnectAsync(simulator.Stream("/ws/btcusdt@trade"));

        var closed = await socket.ReceiveAsync();

        Assert.Equal(WebSocketMessageType.Close, closed.Type);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        Assert.Equal(1, simulator.PongTimeoutDisconnects);
    }

    [Theory]
    [InlineData("/ws/btcusdt@trade", """{"e":"serverShutdown","E":TIME}""")]
    [InlineData("/stream?streams=btcusdt@trade", """{"stream":"!serverShutdown","data":{"e":"serverShutdown","E":TIME}}""")]
    [InlineData("/ws-api/v3", """{"event":{"e":"serverShutdown","E":TIME}}""")]
    public async Task At_the_end_of_its_lifetime_a_connection_gets_serverShutdown_then_a_close(string path, string expected)
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_770_000_000_000));
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet(time) with { PingInterval = Long, ConnectionLifetime = TimeSpan.FromHours(24), ShutdownGrace = TimeSpan.FromSeconds(1) });
        using var socket = await Client.ConnectAsync(simulator.Stream(path));
        await (path.StartsWith("/ws-api", StringComparison.Ordinal) ? simulator.WaitForApiConnectionsAsync(1) : simulator.WaitForStreamConnectionsAsync(1)).Bounded();

        time.Advance(TimeSpan.FromHours(24));
        var notice = await socket.ReceiveTextAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        var closed = await socket.ReceiveAsync();

        Assert.Equal(expected.Replace("TIME", (1_770_000_000_000 + 86_400_000).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), notice);
        Assert.Equal(WebSocketMessageType.Close, closed.Type);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
    }

    [Fact]
    public async Task Announcing_a_shutdown_notifies_every_connection_then_closes_it()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet() with { ShutdownGrace = TimeSpan.FromMilliseconds(50) });
        using var stream = await Client.ConnectAsync(simulator.Stream("/ws"));
        using var api = await Client.ConnectAsync(simulator.ApiUrl);
        await simulator.WaitForStreamConnectionsAsync(1).Bounded();
        await simulator.WaitForApiConnectionsAsync(1).Bounded();

        await simulator.AnnounceShutdownAsync().Bounded();

        Assert.Equal("serverShutdown", (await stream.ReceiveJsonAsync()).GetProperty("e").GetString());
        Assert.Equal("serverShutdown", (await api.ReceiveJsonAsync()).GetProperty("event").GetProperty("e").GetString());
        Assert.Equal(WebSocketMessageType.Close, (await stream.ReceiveAsync()).Type);
        Assert.Equal(WebSocketMessageType.Close, (await api.ReceiveAsync()).Type);
    }

    [Fact]
    public async Task Connection_attempts_past_the_limit_get_429_on_the_handshake_for_both_roles()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet() with { MaxConnectionAttempts = 2 });
        using var first = await Client.ConnectAsync(simulator.Stream("/ws"));
        using var second = await Client.ConnectAsync(simulator.ApiUrl);

        using var third = new ClientWebSocket();
        third.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => third.ConnectAsync(simulator.Stream("/ws"), CancellationToken.None).Bounded());

        Assert.Equal(HttpStatusCode.TooManyRequests, third.HttpStatusCode);
    }

    [Fact]
    public async Task Refused_handshakes_get_the_status_then_connections_succeed_again()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet());
        simulator.RefuseHandshakes(1, 503);

        using var refused = new ClientWebSocket();
        refused.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => refused.ConnectAsync(simulator.ApiUrl, CancellationToken.None).Bounded());
        using var accepted = await Client.ConnectAsync(simulator.ApiUrl);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.HttpStatusCode);
        Assert.Equal(WebSocketState.Open, accepted.State);
    }

    [Fact]
    public async Task Dropping_stream_connections_cuts_them_without_a_close_and_leaves_the_api()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet());
        using var stream = await Client.ConnectAsync(simulator.Stream("/ws"));
        using var api = await Client.ConnectAsync(simulator.ApiUrl);
        await simulator.WaitForStreamConnectionsAsync(1).Bounded();
        await simulator.WaitForApiConnectionsAsync(1).Bounded();

        simulator.DropStreamConnections();

        await Client.AssertFaultsAsync(stream.ReceiveMessageAsync());
        Assert.Equal(1, simulator.OpenApiConnections);
        Assert.Equal(1, simulator.AcceptedStreamConnections);
    }

    [Fact]
    public async Task A_silent_server_stops_answering_but_keeps_the_connection_open()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet());
        using var socket = await Client.ConnectAsync(simulator.Stream("/ws"));
        await simulator.WaitForStreamConnectionsAsync(1).Bounded();

        simulator.GoSilent();
        await socket.SendTextAsync("""{"method":"LIST_SUBSCRIPTIONS","id":1}""");

        Assert.True(await Client.IsStillPendingAsync(socket.ReceiveMessageAsync()));
        Assert.Equal(1, simulator.OpenStreamConnections);
    }
}
