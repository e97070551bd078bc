using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Subscriptions;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Pooling;

public sealed class ConnectionPoolTests
{
    /// <summary>Answers requests; "public/slow" never; "crash" aborts the connection the first N times it is seen.</summary>
    private static MockServerOptions Exchange(int crashes = 1)
    {
        var remaining = crashes;
        var channels = ChannelListExchange.Options.Handler!;
        return new MockServerOptions
        {
            Handler = async (connection, frame) =>
            {
                using var request = JsonDocument.Parse(frame.Data);
                var method = request.RootElement.GetProperty("method").GetString();
                if (method is "public/subscribe" or "public/unsubscribe")
                {
                    await channels(connection, frame);
                    return;
                }

                if (method == "public/slow")
                {
                    return;
                }

                if (method!.Contains("crash", StringComparison.Ordinal) && Interlocked.Decrement(ref remaining) >= 0)
                {
                    connection.Abort();
                    return;
                }

                await connection.SendTextAsync("{\"jsonrpc\":\"2.0\",\"id\":" + request.RootElement.GetProperty("id").GetInt64() + ",\"result\":" + connection.Id + "}");
            },
        };
    }

    private static async Task<(MockWebSocketServer Server, ConnectionPool Pool)> StartAsync(int size, MockServerOptions server, Func<ConnectionPoolOptions, ConnectionPoolOptions>? configure = null)
    {
        var mock = await MockWebSocketServer.StartAsync(server);
        var options = new ConnectionPoolOptions
        {
            Size = size,
            Client = new ZenClientOptions { TimeProvider = new FakeTimeProvider(), ReconnectOnError = false },
            SubscriptionDialect = new ChannelListDialect(),
        };
        var pool = new ConnectionPool(mock.Url, configure?.Invoke(options) ?? options);
        await pool.StartAsync().Within();
        return (mock, pool);
    }

    [Fact]
    public void Health_falls_with_pending_requests_latency_and_recent_errors_and_is_zero_unless_connected()
    {
        Assert.Equal(100, ConnectionHealth.Compute(ConnectionState.Connected, 0, TimeSpan.Zero, 0, 0).Score);
        Assert.Equal(70, ConnectionHealth.Compute(ConnectionState.Connected, 3, TimeSpan.Zero, 0, 0).Score);
        Assert.Equal(60, ConnectionHealth.Compute(ConnectionState.Connected, 9, TimeSpan.Zero, 0, 0).Score);
        Assert.Equal(80, ConnectionHealth.Compute(ConnectionState.Connected, 0, TimeSpan.FromMilliseconds(500), 0, 0).Score);
        Assert.Equal(85, ConnectionHealth.Compute(ConnectionState.Connected, 0, TimeSpan.Zero, 1, 0).Score);
        Assert.Equal(10, ConnectionHealth.Compute(ConnectionState.Connected, 100, TimeSpan.FromSeconds(10), 10, 0).Score);
        Assert.Equal(0, ConnectionHealth.Compute(ConnectionState.Reconnecting, 0, TimeSpan.Zero, 0, 0).Score);
    }

    [Fact]
    public void Recent_errors_fade_with_the_time_constant()
    {
        var time = new FakeTimeProvider();
        var errors = new DecayingCounter(time, TimeSpan.FromSeconds(30));
        errors.Increment();
        errors.Increment();
        Assert.Equal(2, errors.Read(), 6);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2 / Math.E, errors.Read(), 6);
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.True(errors.Read() < 0.001);
    }

    [Fact]
    public async Task Equally_healthy_connections_share_requests_and_a_busy_one_is_avoided()
    {
        var (server, pool) = await StartAsync(3, Exchange());
        await using var _ = server;
        await using var __ = pool;
        var slow = pool.RequestRawAsync("public/slow", RpcParams.None);
        var busy = pool.Connections.Single(c => c.Requests.GetStats().Pending == 1);

        for (var i = 0; i < 6; i++)
        {
            await pool.RequestRawAsync("public/test", RpcParams.None).Within();
        }

        // Ties take turns; a loopback round trip slower than 25 ms on a loaded machine legitimately costs a point of
        // health (p99 is part of the score), so the split may tilt away from 3/3, but both idle connections serve (one that has never answered scores best).
        Assert.Equal(0, busy.Requests.GetStats().Completed);
        var idle = pool.Connections.Where(c => c != busy).Select(c => c.Requests.GetStats().Completed).ToArray();
        Assert.Equal(6, idle.Sum());
        Assert.All(idle, completed => Assert.InRange(completed, 1, 5));
        Assert.False(slow.IsCompleted);
    }

    [Fact]
    public async Task An_idempotent_request_fails_over_when_its_connection_dies()
    {
        var (server, pool) = await StartAsync(3, Exchange(crashes: 1));
        await using var _ = server;
        await using var __ = pool;
        var response = await pool.RequestRawAsync("public/crash_once", RpcParams.None, new RequestOptions { Idempotent = true }).Within();
        Assert.Equal(1, pool.Failovers);
        Assert.Equal(2, server.Received.Count(f => f.Text.Contains("crash_once", StringComparison.Ordinal)));
        Assert.NotEqual(default, response.Result);
    }

    [Fact]
    public async Task An_order_whose_outcome_is_unknown_never_fails_over()
    {
        var (server, pool) = await StartAsync(3, Exchange(crashes: 1));
        await using var _ = server;
        await using var __ = pool;
        var error = await Assert.ThrowsAsync<ZenConnectionLostException>(() => pool.RequestRawAsync("private/buy_crash", RpcParams.None).Within());
        Assert.True(error.OutcomeUnknown);
        Assert.Equal(0, pool.Failovers);
        Assert.Single(server.Received, f => f.Text.Contains("buy_crash", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Failover_is_bounded_by_the_attempt_budget()
    {
        var (server, pool) = await StartAsync(3, Exchange(crashes: 10), o => o with { MaxFailoverAttempts = 2, ReplaceDeadConnections = false });
        await using var _ = server;
        await using var __ = pool;
        await Assert.ThrowsAsync<ZenConnectionLostException>(() => pool.RequestRawAsync("public/crash", RpcParams.None, new RequestOptions { Idempotent = true }).Within());
        Assert.Equal(2, server.Received.Count(f => f.Text.Contains("public/crash", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Topics_are_sharded_under_the_per_connection_cap()
    {
        var (server, pool) = await StartAsync(2, Exchange(), o => o with { MaxTopicsPerConnection = 2 });
        await using var _ = server;
        await using var __ = pool;
        var subscriptions = new List<PoolSubscription>();
        foreach (var topic in new[] { "a", "b", "c", "d" })
        {
            subscriptions.Add(await pool.SubscribeAsync(topic).Within());
        }

        Assert.All(pool.Connections, c => Assert.Equal(2, c.Topics));
        await Assert.ThrowsAsync<InvalidOperationException>(() => pool.SubscribeAsync("e"));

        // A second consumer of a topic shares its connection and costs no room.
        var again = await pool.SubscribeAsync("a").Within();
        Assert.Same(subscriptions[0].Connection, again.Connection);
        await again.DisposeAsync();
        foreach (var s in subscriptions)
        {
            await s.DisposeAsync();
        }

        Assert.All(pool.Connections, c => Assert.Equal(0, c.Topics));
    }

    [Fact]
    public async Task When_a_connection_dies_its_topics_move_and_their_streams_continue()
    {
        var (server, pool) = await StartAsync(2, Exchange(), o => o with { MaxTopicsPerConnection = 1 });
        await using var _ = server;
        await using var __ = pool;
        await using var a = await pool.SubscribeAsync("ticker.A").Within();
        await using var b = await pool.SubscribeAsync("ticker.B").Within();
        Assert.NotSame(a.Connection, b.Connection);
        var doomed = a.Connection!;
        var mockOfA = server.Connections.Single(c => c.Received.Any(f => f.Text.Contains("ticker.A", StringComparison.Ordinal)));

        await using var items = a.ReadAllAsync().GetAsyncEnumerator();
        mockOfA.Abort();

        Assert.True(await items.MoveNextAsync().AsTask().Within());
        Assert.Equal(SubscriptionItemKind.Reconnecting, items.Current.Kind);
        while (items.Current.Kind != SubscriptionItemKind.Restored)
        {
            Assert.True(await items.MoveNextAsync().AsTask().Within());
        }

        Assert.NotSame(doomed, a.Connection);
        Assert.DoesNotContain(doomed, pool.Connections);
        Assert.Equal(2, pool.Connections.Count);
        Assert.All(pool.Connections, c => Assert.True(c.Topics <= 1));

        var carrier = server.Connections.Single(c => c.Received.Any(f => f.Text.Contains("ticker.A", StringComparison.Ordinal)) && c != mockOfA);
        await carrier.SendTextAsync(ChannelListExchange.Notification("ticker.A", 42));
        Assert.True(await items.MoveNextAsync().AsTask().Within());
        Assert.Equal(SubscriptionItemKind.Data, items.Current.Kind);
        Assert.Contains("42", items.Current.Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_topics_of_a_dead_connection_move_together_in_a_few_subscribe_messages()
    {
        var (server, pool) = await StartAsync(2, Exchange(), o => o with { ReplaceDeadConnections = false });
        await using var _ = server;
        await using var __ = pool;
        var subscriptions = new List<PoolSubscription>();
        for (var i = 0; i < 8; i++)
        {
            subscriptions.Add(await pool.SubscribeAsync($"ticker.{i}").Within());
        }

        var doomed = subscriptions[0].Connection!;
        var moving = subscriptions.Where(s => ReferenceEquals(s.Connection, doomed)).ToArray();
        Assert.Equal(4, moving.Length);
        var mockOfDoomed = server.Connections.Single(c => c.Received.Any(f => f.Text.Contains("\"ticker.0\"", StringComparison.Ordinal)));
        var survivor = server.Connections.Single(c => c != mockOfDoomed);
        var before = survivor.Received.Count;

        mockOfDoomed.Abort();
        foreach (var subscription in moving)
        {
            await using var items = subscription.ReadAllAsync().GetAsyncEnumerator();
            do
            {
                Assert.True(await items.MoveNextAsync().AsTask().Within());
            }
            while (items.Current.Kind != SubscriptionItemKind.Restored);
        }

        // One round trip per topic would be four messages; registered back to back, they wait behind the first one's
        // acknowledgement and go out together.
        var moves = survivor.Received.Skip(before).Where(m => m.Text.Contains("public/subscribe", StringComparison.Ordinal)).ToArray();
        Assert.InRange(moves.Length, 1, 3);
        Assert.All(moving, s => Assert.Single(moves, m => m.Text.Contains($"\"{s.Topic}\"", StringComparison.Ordinal)));
        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync();
        }
    }
}
