using System.Net.WebSockets;
using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Heartbeats;

public sealed class HeartbeatTests
{
    private static readonly MockServerOptions Silent = new() { Handler = (_, _) => ValueTask.CompletedTask };

    [Fact]
    public async Task Application_heartbeat_tears_down_after_the_configured_misses_and_reconnects()
    {
        await using var f = await ClientFixture.ConnectedAsync(
            o => o with { Heartbeat = new ApplicationHeartbeatOptions { Interval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(5), MaxMissed = 2 } },
            Silent);

        f.Time.Advance(TimeSpan.FromSeconds(10));
        await f.Server.ExpectMessageAsync("ping", Bounded.Wait);
        f.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(ConnectionState.Connected, f.Client.State);
        f.Time.Advance(TimeSpan.FromSeconds(5));
        await f.Server.ExpectMessageAsync(NthText("ping", 2), Bounded.Wait);
        f.Time.Advance(TimeSpan.FromSeconds(5));

        var dead = await f.States.WaitForAsync(ConnectionState.Reconnecting);
        Assert.Equal(StateChangeReason.HeartbeatTimeout, dead.Reason);
        Assert.Equal(TimeoutKind.Heartbeat, Assert.IsType<ZenTimeoutException>(dead.Error).Kind);
        await f.States.WaitForAsync(ConnectionState.Connected);
        var health = f.Client.GetDiagnostics().Heartbeat;
        Assert.Equal(2, health.TotalMisses);
        Assert.Equal(1, health.Timeouts);
    }

    [Fact]
    public async Task Application_heartbeat_replies_reset_misses_measure_the_round_trip_and_stay_out_of_the_stream()
    {
        await using var f = await ClientFixture.ConnectedAsync(o => o with
        {
            Heartbeat = new ApplicationHeartbeatOptions { Interval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(5), MaxMissed = 1 },
        });

        for (var i = 1; i <= 3; i++)
        {
            f.Time.Advance(TimeSpan.FromSeconds(10));
            await f.Server.ExpectMessageAsync(NthText("ping", i), Bounded.Wait);

            // The mock answers "ping" with "pong", then echoes our data: frames stay in order, so when the echo
            // arrives the pong has been received and consumed before it.
            await f.Client.SendTextAsync($"data {i}").Within();
            Assert.Equal($"data {i}", await f.NextTextAsync());
            f.Time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(ConnectionState.Connected, f.Client.State);
        var health = f.Client.GetDiagnostics().Heartbeat;
        Assert.Equal(0, health.TotalMisses);
        Assert.NotNull(health.LastRoundTrip);
    }

    [Fact]
    public async Task Server_ping_watchdog_declares_a_silent_link_dead_but_data_keeps_it_alive()
    {
        await using var f = await ClientFixture.ConnectedAsync(o => o with { Heartbeat = new ServerPingHeartbeatOptions { Timeout = TimeSpan.FromSeconds(60) } });
        var connection = await f.Server.WaitForConnectionAsync(1, Bounded.Wait);

        f.Time.Advance(TimeSpan.FromSeconds(50));
        await connection.SendTextAsync("tick");
        Assert.Equal("tick", await f.NextTextAsync());
        f.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(ConnectionState.Connected, f.Client.State);

        connection.GoSilent();
        f.Time.Advance(TimeSpan.FromSeconds(40));
        var dead = await f.States.WaitForAsync(ConnectionState.Reconnecting);
        Assert.Equal(StateChangeReason.HeartbeatTimeout, dead.Reason);
        Assert.Equal(f.Time.GetUtcNow(), dead.Timestamp);
    }

    [Fact]
    public async Task Deribit_heartbeat_sets_the_interval_answers_test_requests_and_swallows_heartbeats()
    {
        await using var f = await ClientFixture.ConnectedAsync(
            o => o with { Heartbeat = new DeribitHeartbeatOptions { Interval = TimeSpan.FromSeconds(10) } },
            Silent);
        var set = await f.Server.ExpectMessageAsync(MessageMatcher.JsonSubset("""{"jsonrpc":"2.0","method":"public/set_heartbeat","params":{"interval":10}}"""), Bounded.Wait);
        var connection = await f.Server.WaitForConnectionAsync(1, Bounded.Wait);

        await connection.SendTextAsync("""{"jsonrpc":"2.0","method":"heartbeat","params":{"type":"heartbeat"}}""");
        await connection.SendTextAsync("""{"jsonrpc":"2.0","method":"heartbeat","params":{"type":"test_request"}}""");
        // 4.7 #8, corrected: the Elixir reply had no id, which Deribit refuses (11050); ours carries a string id.
        var reply = await f.Server.ExpectMessageAsync(MessageMatcher.Regex("""^\{"jsonrpc":"2\.0","id":"zenws-hb-test-\d+","method":"public/test","params":\{\}\}$"""), Bounded.Wait);
        await connection.SendTextAsync("{\"jsonrpc\":\"2.0\",\"id\":\"" + System.Text.Json.JsonDocument.Parse(reply.Data).RootElement.GetProperty("id").GetString() + "\",\"result\":{\"version\":\"1.2.26\"}}");
        await connection.SendTextAsync("""{"jsonrpc":"2.0","method":"subscription","params":{"channel":"ticker.BTC-PERPETUAL.raw","data":{}}}""");

        Assert.Contains("subscription", await f.NextTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, f.Client.GetDiagnostics().ReceiveQueueDepth);
        Assert.Contains("zenws-hb-", set.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deribit_heartbeat_detects_silence_and_sets_the_heartbeat_again_after_reconnect()
    {
        await using var f = await ClientFixture.ConnectedAsync(
            o => o with { Heartbeat = new DeribitHeartbeatOptions { Interval = TimeSpan.FromSeconds(10) } },
            Silent);
        await f.Server.ExpectMessageAsync(MessageMatcher.JsonSubset("""{"method":"public/set_heartbeat"}"""), Bounded.Wait);

        f.Time.Advance(TimeSpan.FromSeconds(20));
        var dead = await f.States.WaitForAsync(ConnectionState.Reconnecting);
        Assert.Equal(StateChangeReason.HeartbeatTimeout, dead.Reason);

        var second = await f.Server.WaitForConnectionAsync(2, Bounded.Wait);
        await second.ExpectMessageAsync(MessageMatcher.JsonSubset("""{"method":"public/set_heartbeat","params":{"interval":10}}"""), Bounded.Wait);
    }

    [Fact]
    public async Task Ping_pong_heartbeat_kills_a_link_whose_server_stops_answering_pings_and_keeps_an_answering_one()
    {
        // The runtime's keep-alive runs on real time; the test waits for the event (bounded) and never sleeps.
        // The timeout is generous so that a stall of a loaded test host (JIT, GC) cannot kill the healthy link.
        await using var server = await MockWebSocketServer.StartAsync();
        var options = new ZenClientOptions
        {
            Heartbeat = new PingPongHeartbeatOptions { Interval = TimeSpan.FromMilliseconds(250), Timeout = TimeSpan.FromSeconds(2) },
            ReconnectOnError = false,
        };
        await using var deaf = new ZenClient(server.Url, options);
        await deaf.ConnectAsync().Within();
        var deafConnection = await server.WaitForConnectionAsync(1, Bounded.Wait);
        await using var healthy = new ZenClient(server.Url, options);
        await healthy.ConnectAsync().Within();
        await server.WaitForConnectionAsync(2, Bounded.Wait);
        deafConnection.StopAnsweringPings();

        var final = await deaf.Completion.Within();
        Assert.Equal(StateChangeReason.HeartbeatTimeout, final.Reason);
        Assert.IsType<ZenTimeoutException>(final.Error);

        // The answering link lived through the same pings and is still up.
        if (healthy.Completion.IsCompleted)
        {
            var down = await healthy.Completion;
            Assert.Fail($"The answering link went down: {down} {down.Error}");
        }
        await healthy.SendTextAsync("alive").Within();
        Assert.Equal("alive", (await healthy.ReceiveAsync().Within())!.Value.Text);
    }

    /// <summary>Matches the n-th frame with this text (each call scans every frame once, oldest first).</summary>
    private static MessageMatcher NthText(string text, int n)
    {
        var seen = 0;
        return MessageMatcher.Predicate(frame => frame.Text == text && ++seen >= n, $"{text} #{n}");
    }
}
