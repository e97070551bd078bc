using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Subscriptions;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Pooling;

public sealed class ConnectionPoolRotationTests
{
    private const string Topic = "ticker.A";

    /// <summary>Reads the <c>"v":N</c> of a test notification as its sequence number.</summary>
    private static bool ReadValue(string topic, ReadOnlySpan<byte> message, out long sequence)
    {
        sequence = 0;
        var at = message.IndexOf("\"v\":"u8);
        if (at < 0)
        {
            return false;
        }

        var digits = message[(at + 4)..];
        var end = digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        return long.TryParse(Encoding.ASCII.GetString(end < 0 ? digits : digits[..end]), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }

    private static async Task<SubscriptionItem> Next(IAsyncEnumerator<SubscriptionItem> items)
    {
        Assert.True(await items.MoveNextAsync().AsTask().Within());
        return items.Current;
    }

    private static async Task<(MockWebSocketServer Server, ConnectionPool Pool, FakeTimeProvider Time)> StartAsync(Func<ConnectionPoolOptions, ConnectionPoolOptions> configure, FakeTimeProvider? clock = null)
    {
        var mock = await MockWebSocketServer.StartAsync(ChannelListExchange.Options);
        var time = clock ?? new FakeTimeProvider();
        var options = configure(new ConnectionPoolOptions
        {
            Size = 1,
            Client = new ZenClientOptions { TimeProvider = time, ReconnectOnError = false },
            SubscriptionDialect = new ChannelListDialect(),
            Sequence = ReadValue,
        });
        var pool = new ConnectionPool(mock.Url, options);
        await pool.StartAsync().Within();
        return (mock, pool, time);
    }

    /// <summary>Publishes 1, 2, 3, ... of the topic to every connection that subscribed to it, each number to all of them.</summary>
    private static async Task PublishAsync(MockWebSocketServer server, Func<bool> stop)
    {
        for (var value = 1; !stop(); value++)
        {
            foreach (var connection in server.Connections.Where(c => c.Received.Any(f => f.Text.Contains(Topic, StringComparison.Ordinal))))
            {
                try
                {
                    await connection.SendTextAsync(ChannelListExchange.Notification(Topic, value));
                }
#pragma warning disable CA1031 // A connection closed by the rotation simply stops getting data.
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            }

            await Task.Yield();
        }
    }

    private static async Task AssertRotationIsSeamlessAsync(MockWebSocketServer server, ConnectionPool pool, PoolSubscription subscription, Func<Task> rotate)
    {
        var published = 0;
        var rotated = false;
        var producer = Task.Run(() => PublishAsync(server, () => Volatile.Read(ref published) == 1));
        var values = new List<long>();
        await using var items = subscription.ReadAllAsync().GetAsyncEnumerator();
        var rotation = Task.CompletedTask;
        while (!rotated || values.Count < 400)
        {
            var item = await Next(items);
            Assert.Equal(SubscriptionItemKind.Data, item.Kind);
            Assert.True(ReadValue(Topic, item.Message.Data.Span, out var value));
            values.Add(value);
            if (values.Count == 100)
            {
                rotation = rotate();
            }

            rotated = rotation.IsCompleted && values.Count > 100;
        }

        Volatile.Write(ref published, 1);
        await producer.Within();
        await rotation.Within();
        Assert.Equal(1, pool.Rotations);
        for (var i = 1; i < values.Count; i++)
        {
            Assert.Equal(values[i - 1] + 1, values[i]);
        }
    }

    [Fact]
    public async Task A_rotation_replaces_the_connection_make_before_break_without_gap_or_duplicate()
    {
        var (server, pool, _) = await StartAsync(o => o);
        await using var _ = server;
        await using var __ = pool;
        await using var subscription = await pool.SubscribeAsync(Topic).Within();
        var old = subscription.Connection!;
        var first = await server.WaitForConnectionAsync(1, Bounded.Wait);

        await AssertRotationIsSeamlessAsync(server, pool, subscription, () => pool.RotateAsync(old));

        Assert.NotSame(old, subscription.Connection);
        Assert.Single(pool.Connections);
        Assert.Equal(1, subscription.Connection!.Topics);
        await first.Closed.Within();
    }

    [Fact]
    public async Task A_server_shutdown_notice_starts_a_rotation_and_the_stream_carries_on_seamlessly()
    {
        var (server, pool, _) = await StartAsync(o => o with { RotationSignal = json => json.Span.IndexOf("serverShutdown"u8) >= 0 });
        await using var _ = server;
        await using var __ = pool;
        await using var subscription = await pool.SubscribeAsync(Topic).Within();
        var first = await server.WaitForConnectionAsync(1, Bounded.Wait);

        await AssertRotationIsSeamlessAsync(server, pool, subscription, async () =>
        {
            await first.SendTextAsync("""{"e":"serverShutdown","E":1}""");
            await first.Closed.Within();
        });
    }

    [Fact]
    public async Task A_connection_is_rotated_when_its_interval_is_over()
    {
        var (server, pool, time) = await StartAsync(o => o with { RotationInterval = TimeSpan.FromHours(23) });
        await using var _ = server;
        await using var __ = pool;
        await using var subscription = await pool.SubscribeAsync(Topic).Within();
        var first = await server.WaitForConnectionAsync(1, Bounded.Wait);

        time.Advance(TimeSpan.FromHours(22));
        Assert.Equal(1, server.AcceptedCount);
        time.Advance(TimeSpan.FromHours(1));
        var second = await server.WaitForConnectionAsync(2, Bounded.Wait);
        await second.ExpectMessageAsync(MessageMatcher.Predicate(f => f.Text.Contains(Topic, StringComparison.Ordinal), "the subscribe"), Bounded.Wait);
        await second.SendTextAsync(ChannelListExchange.Notification(Topic, 1));
        await first.Closed.Within();

        await using var items = subscription.ReadAllAsync().GetAsyncEnumerator();
        var item = await Next(items);
        Assert.Equal(SubscriptionItemKind.Data, item.Kind);
        Assert.Equal(1, pool.Rotations);
        Assert.Same(pool.Connections.Single(), subscription.Connection);
    }

    [Fact]
    public async Task A_quiet_topic_switches_when_the_handover_time_is_up_and_its_stream_carries_on_without_a_marker()
    {
        var handover = TimeSpan.FromSeconds(5);
        var clock = new TimerWatchingTimeProvider();
        var (server, pool, time) = await StartAsync(o => o with { HandoverTimeout = handover }, clock);
        await using var _ = server;
        await using var __ = pool;
        await using var subscription = await pool.SubscribeAsync(Topic).Within();
        var first = await server.WaitForConnectionAsync(1, Bounded.Wait);
        await first.SendTextAsync(ChannelListExchange.Notification(Topic, 1));

        var overlapTimer = clock.TimerArmed(handover);
        var rotation = pool.RotateAsync(subscription.Connection!);
        var second = await server.WaitForConnectionAsync(2, Bounded.Wait);
        await second.ExpectMessageAsync(MessageMatcher.Predicate(f => f.Text.Contains(Topic, StringComparison.Ordinal), "the subscribe"), Bounded.Wait);
        Assert.False(rotation.IsCompleted);

        // Nothing flows, so the streams cannot meet: the overlap ends on the clock, once the pool armed its timer.
        await overlapTimer.Within();
        time.Advance(handover);

        Assert.True(await rotation.Within());
        await first.Closed.Within();
        await second.SendTextAsync(ChannelListExchange.Notification(Topic, 2));
        await using var items = subscription.ReadAllAsync().GetAsyncEnumerator();
        Assert.Equal(1, ReadValueOf(await Next(items)));
        Assert.Equal(2, ReadValueOf(await Next(items)));
    }

    [Fact]
    public async Task Data_the_new_connection_sends_before_its_acknowledgement_is_handed_over_without_a_marker()
    {
        // A venue may publish on the new connection before it acknowledges the subscribe: here 1 (already delivered by
        // the old connection) and 2 come first, then the acknowledgement.
        var acknowledge = ChannelListExchange.Options.Handler!;
        var mock = await MockWebSocketServer.StartAsync(new MockServerOptions
        {
            Handler = async (connection, frame) =>
            {
                if (connection.Id == 2 && frame.Text.Contains("public/subscribe", StringComparison.Ordinal))
                {
                    await connection.SendTextAsync(ChannelListExchange.Notification(Topic, 1));
                    await connection.SendTextAsync(ChannelListExchange.Notification(Topic, 2));
                }

                await acknowledge(connection, frame);
            },
        });
        await using var _ = mock;
        await using var pool = new ConnectionPool(mock.Url, new ConnectionPoolOptions
        {
            Size = 1,
            Client = new ZenClientOptions { TimeProvider = new FakeTimeProvider(), ReconnectOnError = false },
            SubscriptionDialect = new ChannelListDialect(),
            Sequence = ReadValue,
        });
        await pool.StartAsync().Within();
        await using var subscription = await pool.SubscribeAsync(Topic).Within();
        var old = subscription.Connection!;
        var first = await mock.WaitForConnectionAsync(1, Bounded.Wait);
        await first.SendTextAsync(ChannelListExchange.Notification(Topic, 1));
        await using var items = subscription.ReadAllAsync().GetAsyncEnumerator();
        Assert.Equal(1, ReadValueOf(await Next(items)));

        Assert.True(await pool.RotateAsync(old).Within());
        var second = await mock.WaitForConnectionAsync(2, Bounded.Wait);
        await second.SendTextAsync(ChannelListExchange.Notification(Topic, 3));

        Assert.Equal(2, ReadValueOf(await Next(items)));
        Assert.Equal(3, ReadValueOf(await Next(items)));
        Assert.NotSame(old, subscription.Connection);
        await first.Closed.Within();
    }

    private static long ReadValueOf(SubscriptionItem item)
    {
        Assert.Equal(SubscriptionItemKind.Data, item.Kind);
        Assert.True(ReadValue(Topic, item.Message.Data.Span, out var value));
        return value;
    }
}
