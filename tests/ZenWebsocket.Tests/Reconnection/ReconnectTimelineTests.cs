using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Reconnection;

/// <summary>Reconnection driven on a fake clock against a real loopback server (inventory 4.7, scenarios 1-4).</summary>
public sealed class ReconnectTimelineTests
{
    [Fact]
    public async Task A_server_that_accepts_tcp_but_never_upgrades_costs_exactly_the_attempt_budget_with_growing_gaps()
    {
        // 4.7 #1: timeout 500, retry budget 3, base delay 200 -> exactly 3 reconnect handshakes, then a terminal stop.
        await using var f = await ClientFixture.ConnectedAsync(o => o with
        {
            ConnectTimeout = TimeSpan.FromMilliseconds(500),
            Reconnect = new ReconnectPolicy { BaseDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(10), Jitter = JitterMode.None, MaxAttempts = 3 },
        });
        f.Server.HangHandshakes();
        await f.Server.DisconnectAllAsync(DisconnectMode.Abort);

        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var reconnecting = await f.States.WaitForAsync(ConnectionState.Reconnecting);
            Assert.Equal(attempt, reconnecting.Attempt);
            delays.Add(reconnecting.NextDelay!.Value);
            f.Time.Advance(reconnecting.NextDelay.Value);
            Assert.Equal(attempt, (await f.States.WaitForAsync(ConnectionState.Connecting)).Attempt);
            await f.Server.WaitForHandshakesAsync(1 + attempt, Bounded.Wait);
            f.Time.Advance(TimeSpan.FromMilliseconds(500));
        }

        var final = await f.Client.Completion.Within();
        Assert.Equal(ConnectionState.Disconnected, final.Current);
        Assert.Equal(StateChangeReason.RetriesExhausted, final.Reason);
        var exhausted = Assert.IsType<ZenRetriesExhaustedException>(final.Error);
        Assert.Equal(3, exhausted.Attempts);
        Assert.Equal(TimeoutKind.Connect, Assert.IsType<ZenTimeoutException>(exhausted.LastError).Kind);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)], delays);
        Assert.Equal(4, f.Server.HandshakeCount);
        Assert.Equal(1, f.Server.AcceptedCount);
    }

    [Fact]
    public async Task A_stale_connect_timer_of_an_earlier_attempt_never_cuts_a_later_attempt_short()
    {
        // 4.7 #2: connect at 0, dropped at 3000, timeout 4000 -> the reconnect attempt (started at 3000) fails at
        // 7000, never at 4000 when the first attempt's timer would have fired.
        await using var f = await ClientFixture.ConnectedAsync(o => o with
        {
            ConnectTimeout = TimeSpan.FromMilliseconds(4000),
            Reconnect = new ReconnectPolicy { BaseDelay = TimeSpan.FromMilliseconds(50), Jitter = JitterMode.None },
        });
        var start = f.Time.GetUtcNow();
        f.Time.Advance(TimeSpan.FromMilliseconds(3000));
        f.Server.HangHandshakes();
        await f.Server.DisconnectAllAsync(DisconnectMode.Abort);
        var connecting = await f.States.WaitAsync(c => c.Current == ConnectionState.Connecting && c.Attempt == 1 && c.Timestamp > start);
        await f.Server.WaitForHandshakesAsync(2, Bounded.Wait);

        f.Time.Advance(TimeSpan.FromMilliseconds(1000));
        f.Time.Advance(TimeSpan.FromMilliseconds(2999));
        f.Time.Advance(TimeSpan.FromMilliseconds(1));
        var failed = await f.States.WaitForAsync(ConnectionState.Reconnecting);

        Assert.Equal(start.AddMilliseconds(3000), connecting.Timestamp);
        Assert.Equal(start.AddMilliseconds(7000), failed.Timestamp);
        Assert.Equal(StateChangeReason.ConnectFailed, failed.Reason);
        Assert.Equal(2, failed.Attempt);
        Assert.Equal(2, f.Server.HandshakeCount);
        Assert.Single(f.States.All, c => c.Current == ConnectionState.Connecting && c.Timestamp > start);
    }

    [Fact]
    public async Task An_unresolvable_host_fails_fast_with_a_dns_error_not_a_timeout()
    {
        // 4.7 #3: the clock is fake, so the 8 s connect timeout can never fire: only a fast DNS error ends this.
        var time = new FakeTimeProvider();
        await using var client = new ZenClient(new Uri("wss://no-such-host.invalid/ws"), new ZenClientOptions { TimeProvider = time, ConnectTimeout = TimeSpan.FromSeconds(8) });
        var error = await Assert.ThrowsAsync<ZenTransportException>(() => client.ConnectAsync().Within());
        Assert.Equal(TransportFailure.DnsFailure, error.Failure);
        Assert.Contains("host name", error.Explain(), StringComparison.Ordinal);
        Assert.Equal(ConnectionState.Disconnected, client.State);
    }

    [Fact]
    public async Task A_refused_connection_fails_fast_with_its_own_error()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var client = new ZenClient(new Uri($"ws://127.0.0.1:{port}/ws"), new ZenClientOptions { TimeProvider = new FakeTimeProvider() });
        var error = await Assert.ThrowsAsync<ZenTransportException>(() => client.ConnectAsync().Within());
        Assert.Equal(TransportFailure.ConnectionRefused, error.Failure);
    }

    [Fact]
    public async Task Retries_exhausted_during_the_first_connect_surface_to_the_caller_who_can_try_again()
    {
        // 4.7 #4.
        await using var f = await ClientFixture.CreateAsync(o => o with
        {
            Reconnect = new ReconnectPolicy { RetryInitialConnect = true, MaxAttempts = 2, BaseDelay = TimeSpan.FromSeconds(1), Jitter = JitterMode.None },
        });
        f.Server.RefuseHandshakes(503);
        var connect = f.Client.ConnectAsync();
        var reconnecting = await f.States.WaitForAsync(ConnectionState.Reconnecting);
        Assert.Equal(TimeSpan.FromSeconds(1), reconnecting.NextDelay);
        f.Time.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<ZenRetriesExhaustedException>(() => connect.Within());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, Assert.IsType<ZenHandshakeException>(error.LastError).StatusCode);
        Assert.Equal(ConnectionState.Disconnected, f.Client.State);

        f.Server.ResetHandshakeBehavior();
        await f.Client.ConnectAsync().Within();
        Assert.Equal(ConnectionState.Connected, f.Client.State);
    }

    [Fact]
    public async Task A_429_handshake_is_retried_no_sooner_than_its_retry_after()
    {
        await using var f = await ClientFixture.CreateAsync(o => o with
        {
            Reconnect = new ReconnectPolicy { RetryInitialConnect = true, BaseDelay = TimeSpan.FromMilliseconds(100), Jitter = JitterMode.None },
        });
        f.Server.RefuseHandshakes(429, new Dictionary<string, string> { ["Retry-After"] = "7" }, count: 1);
        var connect = f.Client.ConnectAsync();

        var reconnecting = await f.States.WaitForAsync(ConnectionState.Reconnecting);
        Assert.Equal(TimeSpan.FromSeconds(7), reconnecting.NextDelay);
        var refusal = Assert.IsType<ZenHandshakeException>(reconnecting.Error);
        Assert.Equal(ErrorCategory.RateLimited, refusal.Category);
        f.Time.Advance(TimeSpan.FromSeconds(7));
        await connect.Within();
        Assert.Equal(2, f.Server.HandshakeCount);
    }

    [Fact]
    public async Task Refused_credentials_stop_reconnection_and_surface()
    {
        await using var f = await ClientFixture.ConnectedAsync();
        f.Server.RefuseHandshakes(401);
        await f.Server.DisconnectAllAsync(DisconnectMode.Abort);

        var final = await f.Client.Completion.Within();
        Assert.Equal(StateChangeReason.PermanentError, final.Reason);
        Assert.Equal(ErrorCategory.Authentication, final.Error!.Category);
        Assert.Equal(2, f.Server.HandshakeCount);
    }

    [Fact]
    public async Task A_drop_reconnects_at_once_and_then_backs_off_and_the_budget_resets_after_success()
    {
        await using var f = await ClientFixture.ConnectedAsync(o => o with
        {
            Reconnect = new ReconnectPolicy { BaseDelay = TimeSpan.FromSeconds(1), Jitter = JitterMode.None, MaxAttempts = 2 },
        });
        for (var round = 2; round <= 4; round++)
        {
            await f.Server.DisconnectAllAsync(DisconnectMode.Abort);
            var reconnecting = await f.States.WaitForAsync(ConnectionState.Reconnecting);
            Assert.Equal(TimeSpan.Zero, reconnecting.NextDelay);
            Assert.Equal(StateChangeReason.TransportError, reconnecting.Reason);
            Assert.Equal(1, (await f.States.WaitForAsync(ConnectionState.Connected)).Attempt);
            await f.Server.WaitForConnectionAsync(round, Bounded.Wait);
        }

        Assert.Equal(3, f.Client.GetDiagnostics().ReconnectCount);
        Assert.False(f.Client.Completion.IsCompleted);
    }

    [Fact]
    public async Task After_the_circuit_threshold_the_client_pauses_before_trying_again()
    {
        await using var f = await ClientFixture.ConnectedAsync(o => o with
        {
            Reconnect = new ReconnectPolicy { BaseDelay = TimeSpan.FromSeconds(1), Jitter = JitterMode.None, CircuitBreakAfter = 2, CircuitBreakDuration = TimeSpan.FromMinutes(5) },
        });
        f.Server.RefuseHandshakes(503);
        await f.Server.DisconnectAllAsync(DisconnectMode.Abort);

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            var reconnecting = await f.States.WaitForAsync(ConnectionState.Reconnecting);
            delays.Add(reconnecting.NextDelay!.Value);
            f.Time.Advance(reconnecting.NextDelay.Value);
        }

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(4)], delays);
    }

    [Fact]
    public async Task With_reconnection_off_a_drop_completes_the_connection_like_a_process_monitor()
    {
        await using var f = await ClientFixture.ConnectedAsync(o => o with { ReconnectOnError = false });
        await f.Server.DisconnectAllAsync(DisconnectMode.Abort);
        var final = await f.Client.Completion.Within();
        Assert.Equal(ConnectionState.Disconnected, final.Current);
        Assert.Equal(StateChangeReason.TransportError, final.Reason);
        Assert.Equal(TransportFailure.ConnectionLost, Assert.IsType<ZenTransportException>(final.Error).Failure);
        Assert.Equal(1, f.Server.HandshakeCount);
    }

    [Fact]
    public async Task Explicit_reconnect_replaces_the_connection_keeps_handlers_and_works_after_close()
    {
        await using var f = await ClientFixture.ConnectedAsync();
        await f.Client.ReconnectAsync().Within();
        var first = await f.Server.WaitForConnectionAsync(1, Bounded.Wait);
        await first.Closed.Within();
        Assert.Equal("reconnect", first.ClientCloseDescription);
        await f.States.WaitAsync(c => c.Current == ConnectionState.Reconnecting && c.Reason == StateChangeReason.ExplicitReconnect);

        await f.Client.CloseAsync().Within();
        await f.Client.ReconnectAsync().Within();
        await f.Client.SendTextAsync("again").Within();
        Assert.Equal("again", await f.NextTextAsync());
        Assert.Equal(3, f.Server.AcceptedCount);
    }

    [Fact]
    public async Task Providers_give_every_attempt_a_fresh_uri_and_headers()
    {
        var attempts = new List<ConnectAttemptContext>();
        await using var f = await ClientFixture.CreateAsync(o => o with
        {
            HeadersProvider = (context, _) =>
            {
                lock (attempts)
                {
                    attempts.Add(context);
                    return ValueTask.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["X-Signature"] = $"sig-{attempts.Count}" });
                }
            },
        });
        var counter = 0;
        var baseUri = f.Server.Url;
        var client = new ZenClient(baseUri, f.Client.Options with { UriProvider = (_, _) => ValueTask.FromResult(new Uri($"{baseUri}?token=t{Interlocked.Increment(ref counter)}")) });
        await using (client)
        {
            await client.ConnectAsync().Within();
            await f.Server.DisconnectAllAsync(DisconnectMode.Abort);
            var second = await f.Server.WaitForConnectionAsync(2, Bounded.Wait);
            var first = await f.Server.WaitForConnectionAsync(1, Bounded.Wait);
            Assert.Equal("sig-1", first.RequestHeaders["X-Signature"]);
            Assert.Equal("sig-2", second.RequestHeaders["X-Signature"]);
            Assert.Equal("?token=t1", first.QueryString);
            Assert.Equal("?token=t2", second.QueryString);
            Assert.False(attempts[0].IsReconnect);
            Assert.True(attempts[1].IsReconnect);
        }
    }

    [Fact]
    public async Task Scheduled_rotation_replaces_the_connection_with_a_close_handshake()
    {
        await using var f = await ClientFixture.ConnectedAsync(o => o with { RotationInterval = TimeSpan.FromHours(23) });
        f.Time.Advance(TimeSpan.FromHours(23));
        var rotating = await f.States.WaitForAsync(ConnectionState.Reconnecting);
        Assert.Equal(StateChangeReason.Rotation, rotating.Reason);
        Assert.Equal(TimeSpan.Zero, rotating.NextDelay);
        await f.States.WaitForAsync(ConnectionState.Connected);
        var first = await f.Server.WaitForConnectionAsync(1, Bounded.Wait);
        Assert.Equal("rotation", first.ClientCloseDescription);
        await f.Server.WaitForConnectionAsync(2, Bounded.Wait);
    }
}
