namespace ZenWebsocket.Tests.Subscriptions;

public sealed class SubscriberQueueTests
{
    private static SubscriptionItem Data(int i) => new(SubscriptionItemKind.Data, "t", new ZenMessage(System.Net.WebSockets.WebSocketMessageType.Text, new[] { (byte)('0' + i) }, 1, 0));

    private static SubscriptionItem Marker(SubscriptionItemKind kind) => new(kind, "t", default);

    private static async Task<List<string>> DrainAsync(SubscriberQueue queue)
    {
        queue.Complete();
        var seen = new List<string>();
        await foreach (var item in queue.ReadAllAsync(CancellationToken.None))
        {
            seen.Add(item.IsData ? item.Message.Text : item.Kind.ToString());
        }

        return seen;
    }

    [Fact]
    public async Task Drop_oldest_drops_data_but_never_markers()
    {
        var queue = new SubscriberQueue(2, SubscriberFullMode.DropOldest);
        queue.Enqueue(Data(1));
        queue.Enqueue(Marker(SubscriptionItemKind.Reconnecting));
        queue.Enqueue(Data(2));
        Assert.False(queue.Enqueue(Data(3)));
        Assert.Equal(["Reconnecting", "2", "3"], await DrainAsync(queue));
        Assert.Equal(1, queue.Dropped);
    }

    [Fact]
    public async Task Drop_newest_keeps_what_is_queued()
    {
        var queue = new SubscriberQueue(2, SubscriberFullMode.DropNewest);
        queue.Enqueue(Data(1));
        queue.Enqueue(Data(2));
        queue.Enqueue(Data(3));
        Assert.Equal(["1", "2"], await DrainAsync(queue));
        Assert.Equal(1, queue.Dropped);
    }

    [Fact]
    public async Task Repeated_markers_are_coalesced_so_a_flapping_link_cannot_grow_the_queue()
    {
        var queue = new SubscriberQueue(10, SubscriberFullMode.DropOldest);
        for (var i = 0; i < 100; i++)
        {
            queue.Enqueue(Marker(SubscriptionItemKind.Reconnecting));
        }

        Assert.Equal(["Reconnecting"], await DrainAsync(queue));
    }

    [Fact]
    public async Task A_failed_marker_ends_the_stream()
    {
        var queue = new SubscriberQueue(10, SubscriberFullMode.DropOldest);
        queue.Enqueue(Data(1));
        queue.Enqueue(Marker(SubscriptionItemKind.Failed));
        Assert.False(queue.Enqueue(Data(2)));
        var seen = new List<SubscriptionItemKind>();
        await foreach (var item in queue.ReadAllAsync(CancellationToken.None))
        {
            seen.Add(item.Kind);
        }

        Assert.Equal([SubscriptionItemKind.Data, SubscriptionItemKind.Failed], seen);
    }
}
