using ZenWebsocket.Binance.Tests.Support;

namespace ZenWebsocket.Binance.Tests.Streams;

public sealed class BinanceMarketStreamsResilienceTests
{
    /// <summary>Reads diff-depth events, checking each continues the last (<c>U == previous u + 1</c>) and that no marker
    /// appears, until <paramref name="done"/> holds; calls <paramref name="at"/> with the count of events read.</summary>
    private static async Task<int> ReadSeamlessDepthAsync(IAsyncEnumerator<SubscriptionItem> items, Func<bool> done, Func<int, Task>? at = null)
    {
        long? previous = null;
        var count = 0;
        while (!done())
        {
            var item = await items.NextAsync();
            Assert.True(item.Kind == SubscriptionItemKind.Data, $"A {item.Kind} marker appeared after {count} events: {item.Detail}");
            var (first, final) = StreamsHarness.DepthIds(item);
            if (previous is { } last)
            {
                Assert.True(first == last + 1, $"Event {count}: U={first} after u={last}");
            }

            previous = final;
            count++;
            if (at is not null)
            {
                await at(count);
            }
        }

        return count;
    }

    [Fact]
    public async Task Ping_and_pong_keep_the_link_up_well_past_several_pong_timeouts()
    {
        // Pongs at 10 per second would trip the 5 per second rule, so this server does not count them.
        await using var harness = await StreamsHarness.StartAsync(s => s with
        {
            PingInterval = TimeSpan.FromMilliseconds(100),
            PongTimeout = TimeSpan.FromMilliseconds(500),
            MaxIncomingMessagesPerSecond = 0,
        });
        await using var depth = await harness.Streams.SubscribeAsync("btcusdt@depth@100ms").Within();
        await using var items = depth.ReadAllAsync().GetAsyncEnumerator();

        // 100 events at one per 20 ms: about 2 seconds, four pong timeouts.
        var read = 0;
        await ReadSeamlessDepthAsync(items, () => read >= 100, n => { read = n; return Task.CompletedTask; }).Within(TimeSpan.FromSeconds(20));

        Assert.Equal(1, harness.Simulator.AcceptedStreamConnections);
        Assert.Equal(0, harness.Simulator.PongTimeoutDisconnects);
    }

    [Fact]
    public async Task A_withheld_pong_gets_the_link_closed_and_the_stream_comes_back_with_markers()
    {
        await using var harness = await StreamsHarness.StartAsync(s => s with
        {
            PingInterval = TimeSpan.FromMilliseconds(100),
            PongTimeout = TimeSpan.FromMilliseconds(500),
            MaxIncomingMessagesPerSecond = 0,
        });
        await using var depth = await harness.Streams.SubscribeAsync("ethusdt@depth@100ms").Within();
        await using var items = depth.ReadAllAsync().GetAsyncEnumerator();
        Assert.Equal(SubscriptionItemKind.Data, (await items.NextAsync()).Kind);

        harness.Simulator.DiscardPongs();
        SubscriptionItem item;
        do
        {
            item = await items.NextAsync();
        }
        while (item.IsData);

        Assert.Equal(SubscriptionItemKind.Reconnecting, item.Kind);
        harness.Simulator.DiscardPongs(false);
        do
        {
            item = await items.NextAsync();
        }
        while (item.Kind == SubscriptionItemKind.Reconnecting);

        Assert.Equal(SubscriptionItemKind.Restored, item.Kind);
        Assert.Equal(SubscriptionItemKind.Data, (await items.NextAsync()).Kind);
        Assert.True(harness.Simulator.PongTimeoutDisconnects >= 1);
        Assert.True(harness.Simulator.AcceptedStreamConnections >= 2);
        Assert.Equal(["ethusdt@depth@100ms"], harness.Simulator.StreamSubscriptions.Single());
    }

    [Fact]
    public async Task A_half_open_link_is_caught_by_the_silence_watchdog_and_the_stream_comes_back()
    {
        await using var harness = await StreamsHarness.StartAsync(client: c => c with { Heartbeat = new ServerPingHeartbeatOptions { Timeout = TimeSpan.FromSeconds(1.5) } });
        await using var depth = await harness.Streams.SubscribeAsync("bnbusdt@depth@100ms").Within();
        await using var items = depth.ReadAllAsync().GetAsyncEnumerator();
        // (A slow first start may already trip the short watchdog once: wait for data, whatever came before.)
        while (!(await items.NextAsync()).IsData)
        {
        }

        var accepted = harness.Simulator.AcceptedStreamConnections;
        harness.Simulator.GoSilent();
        SubscriptionItem item;
        do
        {
            item = await items.NextAsync();
        }
        while (item.IsData);

        Assert.Equal(SubscriptionItemKind.Reconnecting, item.Kind);
        var restored = await items.NextAsync();
        var next = await items.NextAsync();
        Assert.Equal(SubscriptionItemKind.Restored, restored.Kind);
        Assert.True(next.IsData, $"After {restored.Kind}: {next.Kind} {next.Detail}");
        Assert.Equal(accepted + 1, harness.Simulator.AcceptedStreamConnections);
    }

    [Fact]
    public async Task A_dropped_connection_reconnects_resubscribes_and_marks_the_hole()
    {
        await using var harness = await StreamsHarness.StartAsync();
        await using var trades = await harness.Streams.SubscribeAsync("bnbusdt@bookTicker").Within();
        await using var items = trades.ReadAllAsync().GetAsyncEnumerator();
        Assert.Equal(SubscriptionItemKind.Data, (await items.NextAsync()).Kind);

        harness.Simulator.DropStreamConnections();
        SubscriptionItem item;
        do
        {
            item = await items.NextAsync();
        }
        while (item.IsData);

        Assert.Equal(SubscriptionItemKind.Reconnecting, item.Kind);
        Assert.Equal(SubscriptionItemKind.Restored, (await items.NextAsync()).Kind);
        Assert.Equal(SubscriptionItemKind.Data, (await items.NextAsync()).Kind);
        await harness.Simulator.WaitForStreamConnectionsAsync(2).Within();
        Assert.Equal(["bnbusdt@bookTicker"], harness.Simulator.StreamSubscriptions.Single());
    }

    [Fact]
    public async Task A_server_shutdown_notice_rotates_make_before_break_without_gap_duplicate_or_marker()
    {
        await using var harness = await StreamsHarness.StartAsync(s => s with { ShutdownGrace = TimeSpan.FromSeconds(5) });
        await using var depth = await harness.Streams.SubscribeAsync("btcusdt@depth@100ms").Within();
        await using var trades = await harness.Streams.SubscribeTradesAsync("btcusdt").Within();
        await using var depthItems = depth.ReadAllAsync().GetAsyncEnumerator();
        var old = harness.Streams.Connections.Single();

        Task announced = Task.CompletedTask;
        var afterRotation = 0;
        var tradeIds = new List<long>();
        using var stopTrades = new CancellationTokenSource();
        var tradeReader = Task.Run(async () =>
        {
            await foreach (var item in trades.ReadAllAsync(stopTrades.Token))
            {
                Assert.True(item.IsData, $"A {item.Kind} marker appeared in the trades: {item.Detail}");
                tradeIds.Add(item.Data!.TradeId);
            }
        });

        await ReadSeamlessDepthAsync(
            depthItems,
            () => afterRotation >= 50,
            count =>
            {
                if (count == 20)
                {
                    announced = harness.Simulator.AnnounceShutdownAsync();
                }

                if (harness.Streams.Rotations > 0)
                {
                    afterRotation++;
                }

                return Task.CompletedTask;
            }).Within(TimeSpan.FromSeconds(30));
        await announced.Within();
        await stopTrades.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tradeReader.Within());

        Assert.Equal(1, harness.Streams.Rotations);
        Assert.DoesNotContain(old, harness.Streams.Connections);
        Assert.Equal(2, harness.Simulator.AcceptedStreamConnections);
        Assert.NotEmpty(tradeIds);
        Assert.True(tradeIds.Zip(tradeIds.Skip(1)).All(p => p.Second > p.First), "Trade ids must strictly increase (no duplicate).");
        Assert.Equal(["btcusdt@depth@100ms", "btcusdt@trade"], harness.Simulator.StreamSubscriptions.Single().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Scheduled_rotations_hand_the_streams_over_without_gap_or_marker()
    {
        await using var harness = await StreamsHarness.StartAsync(client: c => c with { RotationInterval = TimeSpan.FromSeconds(1) });
        await using var depth = await harness.Streams.SubscribeAsync("ethbtc@depth@100ms").Within();
        await using var items = depth.ReadAllAsync().GetAsyncEnumerator();

        await ReadSeamlessDepthAsync(items, () => harness.Streams.Rotations >= 2).Within(TimeSpan.FromSeconds(30));
        var more = 0;
        await ReadSeamlessDepthAsync(items, () => more >= 20, count => { more = count; return Task.CompletedTask; }).Within();

        Assert.True(harness.Simulator.AcceptedStreamConnections >= 3);
        Assert.Equal(0, harness.Simulator.RateLimitDisconnects);
    }
}
