using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Subscriptions;

/// <summary>New topics queue while a subscribe waits for its acknowledgement and go out together in the next message.</summary>
public sealed class SubscriptionBatchingTests
{
    /// <summary>The channel-list server, holding every acknowledgement until the test releases them.</summary>
    private static MockServerOptions HeldAcknowledgements(Task release)
    {
        var acknowledge = ChannelListExchange.Options.Handler!;
        return new MockServerOptions
        {
            Handler = async (connection, frame) =>
            {
                await release;
                await acknowledge(connection, frame);
            },
        };
    }

    private static int SubscribeMessages(MockWebSocketServer server) =>
        server.Received.Count(m => m.Text.Contains("public/subscribe", StringComparison.Ordinal));

    /// <summary>Subscribes from another thread as <see cref="SubscriptionManager.SubscribeAsync"/> does (register,
    /// then wait for the acknowledgement), exposing the registration: once it completes the topic is queued behind the
    /// held subscribe, so the test awaits that instead of polling the manager.</summary>
    private static (Task Registered, Task<Subscription> Subscribed) Subscribe(SubscriptionManager subs, string topic)
    {
        var registration = Task.Run(() => subs.RegisterAsync(topic, null, CancellationToken.None));
        return (registration, AcknowledgedAsync(registration));

        static async Task<Subscription> AcknowledgedAsync(Task<(Subscription Subscription, Task Acknowledged)> registration)
        {
            var (subscription, acknowledged) = await registration;
            try
            {
                await acknowledged;
                return subscription;
            }
            catch
            {
                await subscription.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Waits (bounded) until every topic is registered, so all of them queued behind the held subscribe.</summary>
    private static async Task AllRegisteredAsync(SubscriptionManager subs, IEnumerable<(Task Registered, Task<Subscription> Subscribed)> calls, int topics)
    {
        await Task.WhenAll(calls.Select(c => c.Registered)).Within();
        Assert.Equal(topics, subs.GetTopics().Count);
    }

    private static async Task<(ClientFixture F, RequestCorrelator Rpc, SubscriptionManager Subs)> StartAsync(Task release)
    {
        var f = await ClientFixture.ConnectedAsync(serverOptions: HeldAcknowledgements(release));
        var rpc = new RequestCorrelator(f.Client);
        return (f, rpc, new SubscriptionManager(rpc, new ChannelListDialect()));
    }

    [Fact]
    public async Task A_burst_of_fifty_single_subscribes_goes_out_in_a_few_messages_and_every_topic_is_confirmed_and_routed()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (f, rpc, subs) = await StartAsync(release.Task);
        await using var _ = f;
        using var __ = rpc;
        await using var ___ = subs;
        var topics = Enumerable.Range(0, 50).Select(i => $"ticker.{i}").ToArray();

        var calls = topics.Select(t => Subscribe(subs, t)).ToArray();
        await AllRegisteredAsync(subs, calls, topics.Length);
        Assert.All(calls, c => Assert.False(c.Subscribed.IsCompleted));
        release.SetResult();
        var subscriptions = await Task.WhenAll(calls.Select(c => c.Subscribed)).Within();

        // The first topic went out alone; the rest waited behind its acknowledgement and went out together (a late
        // straggler may make one more message).
        Assert.InRange(SubscribeMessages(f.Server), 1, 3);
        var sent = f.Server.Received.Where(m => m.Text.Contains("public/subscribe", StringComparison.Ordinal)).ToArray();
        Assert.All(topics, t => Assert.Single(sent, m => m.Text.Contains($"\"{t}\"", StringComparison.Ordinal)));
        Assert.All(subscriptions, s => Assert.Equal(SubscriptionState.Active, s.State));

        for (var i = 0; i < topics.Length; i++)
        {
            await f.Server.InjectAsync(ChannelListExchange.Notification(topics[i], i));
        }

        foreach (var subscription in subscriptions)
        {
            await using var items = subscription.ReadAllAsync().GetAsyncEnumerator();
            Assert.True(await items.MoveNextAsync().AsTask().Within());
            Assert.Equal(SubscriptionItemKind.Data, items.Current.Kind);
            Assert.Contains($"\"channel\":\"{subscription.Topic}\"", items.Current.Message.Text, StringComparison.Ordinal);
            Assert.Contains($"\"v\":{Array.IndexOf(topics, subscription.Topic)}}}", items.Current.Message.Text, StringComparison.Ordinal);
            await subscription.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("bad.1")]
    [InlineData("forbidden.1")]
    public async Task A_refused_topic_in_a_batch_fails_only_its_own_subscribers(string refused)
    {
        // "bad.*" is left out of the confirmation; "forbidden.*" makes the server refuse the whole message.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (f, rpc, subs) = await StartAsync(release.Task);
        await using var _ = f;
        using var __ = rpc;
        await using var ___ = subs;
        var good = Enumerable.Range(0, 30).Select(i => $"ticker.{i}").ToArray();

        var first = subs.SubscribeAsync("ticker.first");
        await f.Server.ExpectMessageAsync(MessageMatcher.Predicate(m => m.Text.Contains("ticker.first", StringComparison.Ordinal), "the first subscribe"), Bounded.Wait);
        var refusedCalls = new[] { Subscribe(subs, refused), Subscribe(subs, refused) };
        var goodCalls = good.Select(t => Subscribe(subs, t)).ToArray();
        await AllRegisteredAsync(subs, refusedCalls.Concat(goodCalls), good.Length + 2);
        release.SetResult();

        foreach (var call in refusedCalls)
        {
            await Assert.ThrowsAsync<ZenExchangeException>(() => call.Subscribed.Within());
        }

        var subscriptions = await Task.WhenAll(goodCalls.Select(c => c.Subscribed).Append(first)).Within();
        Assert.All(subscriptions, s => Assert.Equal(SubscriptionState.Active, s.State));
        Assert.False(subs.GetTopics().ContainsKey(refused));
        Assert.Equal(good.Length + 1, subs.GetTopics().Count);
        Assert.InRange(SubscribeMessages(f.Server), 2, 20);

        await f.Server.InjectAsync(ChannelListExchange.Notification(good[7], 7));
        await using var items = subscriptions[7].ReadAllAsync().GetAsyncEnumerator();
        Assert.True(await items.MoveNextAsync().AsTask().Within());
        Assert.Contains("\"v\":7", items.Current.Message.Text, StringComparison.Ordinal);
        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync();
        }
    }
}
