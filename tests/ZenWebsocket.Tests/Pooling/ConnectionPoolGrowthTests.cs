using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Subscriptions;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Pooling;

public sealed class ConnectionPoolGrowthTests
{
    [Fact]
    public async Task The_pool_opens_connections_as_topics_fill_them_up_to_its_bound_and_closes_idle_extras()
    {
        await using var server = await MockWebSocketServer.StartAsync(ChannelListExchange.Options);
        await using var pool = new ConnectionPool(server.Url, new ConnectionPoolOptions
        {
            Size = 1,
            MaxSize = 3,
            MaxTopicsPerConnection = 2,
            Client = new ZenClientOptions { TimeProvider = new FakeTimeProvider(), ReconnectOnError = false },
            SubscriptionDialect = new ChannelListDialect(),
        });
        await pool.StartAsync().Within();
        Assert.Single(pool.Connections);

        var subscriptions = new List<PoolSubscription>();
        foreach (var topic in new[] { "a", "b", "c", "d", "e", "f" })
        {
            subscriptions.Add(await pool.SubscribeAsync(topic).Within());
        }

        Assert.Equal(3, pool.Connections.Count);
        Assert.Equal(3, server.AcceptedCount);
        Assert.Equal([2, 2, 2], pool.Connections.Select(c => c.Topics).ToArray());
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => pool.SubscribeAsync("g"));
        Assert.Contains("MaxSize", error.Message, StringComparison.Ordinal);

        var third = subscriptions[4].Connection!;
        var thirdOnTheServer = server.Connections[2];
        await subscriptions[4].DisposeAsync();
        Assert.Equal(3, pool.Connections.Count);
        await subscriptions[5].DisposeAsync();
        Assert.Equal(2, pool.Connections.Count);
        Assert.DoesNotContain(third, pool.Connections);
        await thirdOnTheServer.Closed.Within();

        // The room it left is taken by a new connection again when needed.
        subscriptions[4] = await pool.SubscribeAsync("g").Within();
        subscriptions[5] = await pool.SubscribeAsync("h").Within();
        Assert.Equal(3, pool.Connections.Count);
        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync();
        }

        Assert.Single(pool.Connections);
    }
}
