using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Subscriptions;

public sealed class SubscriptionManagerTests
{
    private static async Task<(ClientFixture F, RequestCorrelator Rpc, SubscriptionManager Subs)> StartAsync(SubscriptionManagerOptions? options = null, bool connect = true)
    {
        var f = connect ? await ClientFixture.ConnectedAsync(serverOptions: ChannelListExchange.Options) : await ClientFixture.CreateAsync(serverOptions: ChannelListExchange.Options);
        var rpc = new RequestCorrelator(f.Client);
        return (f, rpc, new SubscriptionManager(rpc, new ChannelListDialect(), options ?? new SubscriptionManagerOptions { RestoreMessagesPerSecond = 1_000_000 }));
    }

    private static async Task<SubscriptionItem> NextAsync(IAsyncEnumerator<SubscriptionItem> items)
    {
        Assert.True(await items.MoveNextAsync().AsTask().Within());
        return items.Current;
    }

    [Fact]
    public async Task A_subscribe_is_acknowledged_and_its_data_is_routed_to_the_subscriber_only()
    {
        var (f, rpc, subs) = await StartAsync();
        await using var _ = f;
        using var __ = rpc;
        await using var ___ = subs;
        await using var ticker = await subs.SubscribeAsync("ticker.BTC").Within();
        Assert.Equal(SubscriptionState.Active, ticker.State);

        await f.Server.InjectAsync(ChannelListExchange.Notification("ticker.BTC", 1));
        await f.Server.InjectAsync("unrelated");
        await using var items = ticker.ReadAllAsync().GetAsyncEnumerator();
        var item = await NextAsync(items);
        Assert.Equal(SubscriptionItemKind.Data, item.Kind);
        Assert.Contains("\"v\":1", item.Message.Text, StringComparison.Ordinal);
        Assert.Equal("unrelated", await f.NextTextAsync());
    }

    [Fact]
    public async Task Two_consumers_share_one_wire_subscription_and_the_last_one_out_unsubscribes()
    {
        var (f, rpc, subs) = await StartAsync();
        await using var _ = f;
        using var __ = rpc;
        await using var ___ = subs;
        var first = await subs.SubscribeAsync("trades.ETH").Within();
        var second = await subs.SubscribeAsync("trades.ETH").Within();
        Assert.Single(f.Server.Received, m => m.Text.Contains("public/subscribe", StringComparison.Ordinal));

        await f.Server.InjectAsync(ChannelListExchange.Notification("trades.ETH", 7));
        await using (var a = first.ReadAllAsync().GetAsyncEnumerator())
        await using (var b = second.ReadAllAsync().GetAsyncEnumerator())
        {
            Assert.Contains("\"v\":7", (await NextAsync(a)).Message.Text, StringComparison.Ordinal);
            Assert.Contains("\"v\":7", (await NextAsync(b)).Message.Text, StringComparison.Ordinal);
        }

        await first.DisposeAsync();
        Assert.DoesNotContain(f.Server.Received, m => m.Text.Contains("public/unsubscribe", StringComparison.Ordinal));
        await second.DisposeAsync();
        await f.Server.ExpectMessageAsync(MessageMatcher.JsonSubset("""{"method":"public/unsubscribe","params":{"channels":["trades.ETH"]}}"""), Bounded.Wait);
        Assert.Empty(subs.GetTopics());
    }

    [Fact]
    public async Task Concurrent_subscribers_of_a_pending_topic_share_its_acknowledgement()
    {
        var (f, rpc, subs) = await StartAsync();
        await using var _ = f;
        using var __ = rpc;
        await using var ___ = subs;
        var all = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => subs.SubscribeAsync("book.BTC"))).Within();
        Assert.All(all, s => Assert.Equal(SubscriptionState.Active, s.State));
        Assert.Single(f.Server.Received, m => m.Text.Contains("book.BTC", StringComparison.Ordinal));
        foreach (var s in all)
        {
            await s.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_topic_the_server_does_not_confirm_is_reported_and_never_restored()
    {
        var (f, rpc, subs) = await StartAsync();
        await using var _ = f;
        using var __ = rpc;
        await using var ___ = subs;
        await Assert.ThrowsAsync<ZenExchangeException>(() => subs.SubscribeAsync("bad.topic").Within());
        var error = await Assert.ThrowsAsync<ZenExchangeException>(() => subs.SubscribeAsync("forbidden.topic").Within());
        Assert.Equal(13021, error.Code);
        await using var good = await subs.SubscribeAsync("good.topic").Within();
        Assert.Equal(["good.topic"], subs.GetTopics().Keys);

        await f.Server.DisconnectAllAsync(DisconnectMode.Abort);
        var second = await f.Server.WaitForConnectionAsync(2, Bounded.Wait);
        var restore = await second.ExpectMessageAsync(MessageMatcher.JsonSubset("""{"method":"public/subscribe"}"""), Bounded.Wait);
        Assert.DoesNotContain("bad.topic", restore.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("forbidden.topic", restore.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unacknowledged_subscribe_times_out_on_the_clients_clock()
    {
        var (f, rpc, subs) = await StartAsync(new SubscriptionManagerOptions { AckTimeout = TimeSpan.FromSeconds(3) });
        await using var _ = f;
        using var __ = rpc;
        await using var ___ = subs;
        var subscribe = subs.SubscribeAsync("silent.topic");
        await f.Server.ExpectMessageAsync(MessageMatcher.JsonSubset("""{"params":{"channels":["silent.topic"]}}"""), Bounded.Wait);
        f.Time.Advance(TimeSpan.FromSeconds(3));
        var error = await Assert.ThrowsAsync<ZenTimeoutException>(() => subscribe.Within());
        Assert.Equal(TimeoutKind.Request, error.Kind);
        Assert.Empty(subs.GetTopics());
    }

    [Fact]
    public async Task After_a_drop_topics_are_restored_and_the_stream_shows_where_data_was_missing()
    {
        var (f, rpc, subs) = await StartAsync();
        await using var _ = f;
        using var __ = rpc;
        await using var ___ = subs;
        await using var a = await subs.SubscribeAsync("ticker.A").Within();
        await using var b = await subs.SubscribeAsync("ticker.B").Within();
        await using var items = a.ReadAllAsync().GetAsyncEnumerator();
        await f.Server.InjectAsync(ChannelListExchange.Notification("ticker.A", 1));
        Assert.Equal(SubscriptionItemKind.Data, (await NextAsync(items)).Kind);

        await f.Server.DisconnectAllAsync(DisconnectMode.Abort);
        Assert.Equal(SubscriptionItemKind.Reconnecting, (await NextAsync(items)).Kind);
        Assert.Equal(SubscriptionItemKind.Restored, (await NextAsync(items)).Kind);
        var second = await f.Server.WaitForConnectionAsync(2, Bounded.Wait);
        var restore = await second.ExpectMessageAsync(MessageMatcher.JsonSubset("""{"method":"public/subscribe"}"""), Bounded.Wait);
        Assert.Contains("ticker.A", restore.Text, StringComparison.Ordinal);
        Assert.Contains("ticker.B", restore.Text, StringComparison.Ordinal);

        await second.SendTextAsync(ChannelListExchange.Notification("ticker.A", 2));
        var after = await NextAsync(items);
        Assert.Equal(SubscriptionItemKind.Data, after.Kind);
        Assert.Contains("\"v\":2", after.Message.Text, StringComparison.Ordinal);
        Assert.Equal(SubscriptionState.Active, b.State);
        Assert.Equal(1, subs.Restores);
    }

    [Fact]
    public async Task Data_published_before_the_restore_is_acknowledged_comes_after_a_single_restored_marker()
    {
        // A venue may publish on the new connection before it answers the restore's subscribe.
        var acknowledge = ChannelListExchange.Options.Handler!;
        var f = await ClientFixture.ConnectedAsync(serverOptions: new MockServerOptions
        {
            Handler = async (connection, frame) =>
            {
                if (connection.Id == 2)
                {
                    await connection.SendTextAsync(ChannelListExchange.Notification("ticker.A", 2));
                }

                await acknowledge(connection, frame);
            },
        });
        await using var _ = f;
        using var rpc = new RequestCorrelator(f.Client);
        await using var subs = new SubscriptionManager(rpc, new ChannelListDialect(), new SubscriptionManagerOptions { RestoreMessagesPerSecond = 1_000_000 });
        await using var a = await subs.SubscribeAsync("ticker.A").Within();
        await using var items = a.ReadAllAsync().GetAsyncEnumerator();

        await f.Server.DisconnectAllAsync(DisconnectMode.Abort);
        Assert.Equal(SubscriptionItemKind.Reconnecting, (await NextAsync(items)).Kind);
        Assert.Equal(SubscriptionItemKind.Restored, (await NextAsync(items)).Kind);
        var early = await NextAsync(items);
        Assert.Equal(SubscriptionItemKind.Data, early.Kind);
        Assert.Contains("\"v\":2", early.Message.Text, StringComparison.Ordinal);

        var second = await f.Server.WaitForConnectionAsync(2, Bounded.Wait);
        await second.SendTextAsync(ChannelListExchange.Notification("ticker.A", 3));
        var later = await NextAsync(items);
        Assert.Equal(SubscriptionItemKind.Data, later.Kind);
        Assert.Contains("\"v\":3", later.Message.Text, StringComparison.Ordinal);
        Assert.Equal(SubscriptionState.Active, a.State);
    }

    [Fact]
    public async Task With_auto_restore_off_nothing_is_restored_until_the_adapter_says_the_session_is_ready()
    {
        var (f, rpc, subs) = await StartAsync(new SubscriptionManagerOptions { AutoRestore = false, RestoreMessagesPerSecond = 1_000_000 });
        await using var _ = f;
        using var __ = rpc;
        await using var ___ = subs;
        await using var a = await subs.SubscribeAsync("user.orders").Within();
        await f.Server.DisconnectAllAsync(DisconnectMode.Abort);
        var second = await f.Server.WaitForConnectionAsync(2, Bounded.Wait);
        await f.States.WaitAsync(c => c.Current == ConnectionState.Connected && c.ConnectionId > 1);
        Assert.Equal(SubscriptionState.Restoring, a.State);

        // The adapter authenticates first (here: any request), then restores.
        await f.Client.SendTextAsync("auth").Within();
        await second.ExpectMessageAsync("auth", Bounded.Wait);
        Assert.DoesNotContain(second.Received, m => m.Text.Contains("subscribe", StringComparison.Ordinal));
        var (restored, failed) = await subs.RestoreAsync().Within();
        Assert.Equal((1, 0), (restored, failed));
        Assert.Equal(SubscriptionState.Active, a.State);
    }

    [Fact]
    public async Task Restore_goes_out_in_batches_at_the_configured_message_rate()
    {
        var (f, rpc, subs) = await StartAsync(new SubscriptionManagerOptions { RestoreBatchSize = 1, RestoreMessagesPerSecond = 1 });
        await using var _ = f;
        using var __ = rpc;
        await using var ___ = subs;
        var topics = new List<Subscription>();
        foreach (var name in new[] { "t.1", "t.2", "t.3" })
        {
            var subscribe = subs.SubscribeAsync(name);
            await f.Server.ExpectMessageAsync(MessageMatcher.JsonSubset($$$"""{"params":{"channels":["{{{name}}}"]}}"""), Bounded.Wait);
            topics.Add(await subscribe.Within());
            f.Time.Advance(TimeSpan.FromSeconds(1));
        }

        await f.Server.DisconnectAllAsync(DisconnectMode.Abort);
        var second = await f.Server.WaitForConnectionAsync(2, Bounded.Wait);
        for (var sent = 1; sent <= 3; sent++)
        {
            var seen = 0;
            var count = sent;
            await second.ExpectMessageAsync(MessageMatcher.Predicate(m => m.Text.Contains("public/subscribe", StringComparison.Ordinal) && ++seen >= count, $"restore message #{count}"), Bounded.Wait);
            Assert.Equal(sent, second.Received.Count(m => m.Text.Contains("public/subscribe", StringComparison.Ordinal)));
            f.Time.Advance(TimeSpan.FromSeconds(1));
        }

        foreach (var topic in topics)
        {
            await topic.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_subscribe_while_disconnected_is_made_on_the_next_connect()
    {
        var (f, rpc, subs) = await StartAsync(connect: false);
        await using var _ = f;
        using var __ = rpc;
        await using var ___ = subs;
        await using var early = await subs.SubscribeAsync("ticker.EARLY").Within();
        Assert.Equal(SubscriptionState.Restoring, early.State);

        await f.Client.ConnectAsync().Within();
        await f.Server.ExpectMessageAsync(MessageMatcher.JsonSubset("""{"params":{"channels":["ticker.EARLY"]}}"""), Bounded.Wait);
        await using var items = early.ReadAllAsync().GetAsyncEnumerator();
        Assert.Equal(SubscriptionItemKind.Restored, (await NextAsync(items)).Kind);
    }

    [Fact]
    public async Task A_gap_reported_by_the_adapter_appears_in_the_stream()
    {
        var (f, rpc, subs) = await StartAsync();
        await using var _ = f;
        using var __ = rpc;
        await using var ___ = subs;
        await using var book = await subs.SubscribeAsync("book.X").Within();
        subs.MarkGap("book.X", "change_id 41 then 43");
        await using var items = book.ReadAllAsync().GetAsyncEnumerator();
        var gap = await NextAsync(items);
        Assert.Equal(SubscriptionItemKind.Gap, gap.Kind);
        Assert.Equal("change_id 41 then 43", gap.Detail);
    }
}
