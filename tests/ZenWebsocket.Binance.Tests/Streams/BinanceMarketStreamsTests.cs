using ZenWebsocket.Binance.Tests.Support;

namespace ZenWebsocket.Binance.Tests.Streams;

public sealed class BinanceMarketStreamsTests
{
    [Fact]
    public void Options_are_validated_naming_the_option()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BinanceMarketStreams(new BinanceMarketStreamsOptions { ControlMessagesPerSecond = 5 }));
        Assert.Contains("BinanceMarketStreamsOptions.ControlMessagesPerSecond", error.Message, StringComparison.Ordinal);
        error = Assert.Throws<ArgumentOutOfRangeException>(() => new BinanceMarketStreams(new BinanceMarketStreamsOptions { MaxStreamsPerConnection = 1025 }));
        Assert.Contains("BinanceMarketStreamsOptions.MaxStreamsPerConnection", error.Message, StringComparison.Ordinal);
        error = Assert.Throws<ArgumentOutOfRangeException>(() => new BinanceMarketStreams(new BinanceMarketStreamsOptions { RotationInterval = TimeSpan.FromHours(24) }));
        Assert.Contains("BinanceMarketStreamsOptions.RotationInterval", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subscribe_is_acknowledged_and_its_data_are_bare_typed_events_with_decimal_prices()
    {
        await using var harness = await StreamsHarness.StartAsync();
        await using var trades = await harness.Streams.SubscribeBookTickerAsync("BTCUSDT").Within();

        Assert.Equal("btcusdt@bookTicker", trades.Name);
        Assert.Contains("btcusdt@bookTicker", harness.Simulator.StreamSubscriptions.Single());
        Assert.Equal(["btcusdt@bookTicker"], (await harness.Streams.ListSubscriptionsAsync().Within()).Single());
        Assert.EndsWith("/stream", harness.Streams.Endpoint.AbsolutePath, StringComparison.Ordinal);

        await using var items = trades.ReadAllAsync().GetAsyncEnumerator();
        Assert.True(await items.MoveNextAsync().AsTask().Within());
        var item = items.Current;
        Assert.True(item.IsData);
        Assert.Equal("BTCUSDT", item.Data!.Symbol);
        Assert.True(item.Data.AskPrice > item.Data.BidPrice && item.Data.BidPrice > 0m);
    }

    [Fact]
    public async Task Untyped_items_carry_only_the_bare_event_never_the_combined_wrapper()
    {
        await using var harness = await StreamsHarness.StartAsync();
        await using var depth = await harness.Streams.SubscribeAsync("ETHUSDT@depth@100ms").Within();
        await using var items = depth.ReadAllAsync().GetAsyncEnumerator();
        var item = await items.NextAsync();
        Assert.Equal(SubscriptionItemKind.Data, item.Kind);
        Assert.StartsWith("{\"e\":\"depthUpdate\"", item.Message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"stream\"", item.Message.Text, StringComparison.Ordinal);
        var (first, final) = StreamsHarness.DepthIds(item);
        Assert.True(final >= first);
    }

    [Fact]
    public async Task A_refused_subscribe_fails_with_the_exchange_code_and_message_and_a_bad_control_message_too()
    {
        await using var harness = await StreamsHarness.StartAsync(s => s with { MaxStreamsPerConnection = 1 });
        await using var first = await harness.Streams.SubscribeAsync("btcusdt@trade").Within();

        var refused = await Assert.ThrowsAsync<ZenExchangeException>(() => harness.Streams.SubscribeAsync("ethusdt@trade").Within());
        Assert.Equal(2, refused.Code);
        Assert.Contains("too many streams", refused.Message, StringComparison.Ordinal);

        var connection = harness.Streams.Connections.Single();
        var bad = await Assert.ThrowsAsync<ZenExchangeException>(() => connection.Requests.RequestRawAsync("SUBSCRIBEX", RpcParams.None).Within());
        Assert.Equal(2, bad.Code);
        Assert.Contains("unknown variant", bad.Message, StringComparison.Ordinal);
        Assert.Equal(["btcusdt@trade"], harness.Simulator.StreamSubscriptions.Single());
    }

    [Fact]
    public async Task Streams_beyond_the_per_connection_cap_are_sharded_over_more_connections()
    {
        await using var harness = await StreamsHarness.StartAsync(s => s with { MaxStreamsPerConnection = 2 }, c => c with { MaxStreamsPerConnection = 2, MaxConnections = 3 });
        var subscriptions = new List<IBinanceStreamSubscription>();
        foreach (var stream in new[] { "btcusdt@trade", "ethusdt@trade", "bnbusdt@trade", "ethbtc@trade", "btcusdt@bookTicker", "ethusdt@bookTicker" })
        {
            subscriptions.Add(await harness.Streams.SubscribeAsync(stream).Within());
        }

        Assert.Equal(3, harness.Streams.Connections.Count);
        Assert.Equal(3, harness.Simulator.OpenStreamConnections);
        Assert.Equal([2, 2, 2], harness.Simulator.StreamSubscriptions.Select(s => s.Count).Order().ToArray());
        Assert.Equal(6, (await harness.Streams.ListSubscriptionsAsync().Within()).Sum(l => l.Count));
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Streams.SubscribeAsync("bnbusdt@bookTicker"));

        // Every shard delivers its own streams.
        foreach (var subscription in subscriptions)
        {
            await using var items = subscription.ReadAllAsync().GetAsyncEnumerator();
            Assert.Equal(SubscriptionItemKind.Data, (await items.NextAsync()).Kind);
        }

        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_burst_of_forty_single_subscribes_is_batched_into_a_few_control_messages_and_all_are_confirmed()
    {
        await using var harness = await StreamsHarness.StartAsync(s => s with { MaxIncomingMessagesPerSecond = 5, GenerateMarketData = false });
        await harness.Streams.StartAsync().Within();
        var sentBefore = harness.Simulator.StreamControlMessagesReceived;
        string[] kinds = ["trade", "aggTrade", "bookTicker", "depth", "depth@100ms", "depth5", "depth10", "depth20", "ticker", "kline_1m"];
        var streams = new[] { "btcusdt", "ethusdt", "bnbusdt", "ethbtc" }.SelectMany(s => kinds.Select(k => $"{s}@{k}")).ToArray();
        Assert.Equal(40, streams.Length);

        // Issued all at once: while the first SUBSCRIBE waits for its reply, the rest queue and go out together.
        var subscriptions = await Task.WhenAll(streams.Select(s => Task.Run(() => harness.Streams.SubscribeAsync(s)))).Within(TimeSpan.FromSeconds(30));

        Assert.Equal(40, subscriptions.Length);
        Assert.InRange(harness.Simulator.StreamControlMessagesReceived - sentBefore, 1, 9);
        Assert.Equal(0, harness.Simulator.RateLimitDisconnects);
        Assert.Equal(1, harness.Simulator.AcceptedStreamConnections);
        Assert.Equal(streams.Order(StringComparer.Ordinal), harness.Simulator.StreamSubscriptions.Single().Order(StringComparer.Ordinal));
        Assert.Equal(streams.Order(StringComparer.Ordinal), (await harness.Streams.ListSubscriptionsAsync().Within()).Single().Order(StringComparer.Ordinal));
        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync();
        }
    }

    [Fact]
    public async Task Leaving_a_stream_unsubscribes_it_on_the_wire()
    {
        await using var harness = await StreamsHarness.StartAsync(s => s with { GenerateMarketData = false });
        var trades = await harness.Streams.SubscribeAsync("btcusdt@trade").Within();
        await using var tickers = await harness.Streams.SubscribeAsync("btcusdt@bookTicker").Within();
        Assert.Equal(2, harness.Simulator.StreamSubscriptions.Single().Count);

        await trades.DisposeAsync().AsTask().Within();

        Assert.Equal(["btcusdt@bookTicker"], harness.Simulator.StreamSubscriptions.Single());
        Assert.Equal(["btcusdt@bookTicker"], (await harness.Streams.ListSubscriptionsAsync().Within()).Single());
    }

    [Fact]
    public async Task A_rotation_subscribes_all_streams_of_the_old_connection_in_one_control_message()
    {
        await using var harness = await StreamsHarness.StartAsync(s => s with { MaxIncomingMessagesPerSecond = 5 });
        string[] kinds = ["trade", "aggTrade", "bookTicker"];
        var streams = new[] { "btcusdt", "ethusdt", "bnbusdt", "ethbtc" }.SelectMany(s => kinds.Select(k => $"{s}@{k}")).ToArray();
        var subscriptions = await Task.WhenAll(streams.Select(s => harness.Streams.SubscribeAsync(s))).Within(TimeSpan.FromSeconds(20));
        var sent = harness.Simulator.StreamControlMessagesReceived;

        Assert.True(await harness.Streams.RotateAsync(harness.Streams.Connections.Single()).Within());

        Assert.Equal(sent + 1, harness.Simulator.StreamControlMessagesReceived);
        Assert.Equal(streams.Order(StringComparer.Ordinal), harness.Simulator.StreamSubscriptions.Single().Order(StringComparer.Ordinal));
        Assert.Equal(0, harness.Simulator.RateLimitDisconnects);
        foreach (var subscription in subscriptions)
        {
            await using var items = subscription.ReadAllAsync().GetAsyncEnumerator();
            Assert.Equal(SubscriptionItemKind.Data, (await items.NextAsync()).Kind);
            await subscription.DisposeAsync();
        }
    }
}
