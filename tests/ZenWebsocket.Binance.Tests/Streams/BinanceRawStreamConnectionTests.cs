using ZenWebsocket.Binance.Tests.Support;

namespace ZenWebsocket.Binance.Tests.Streams;

public sealed class BinanceRawStreamConnectionTests
{
    [Fact]
    public async Task A_raw_stream_delivers_bare_events_and_marks_a_reconnect()
    {
        await using var harness = await StreamsHarness.StartAsync();
        await using var raw = await BinanceRawStreamConnection.ConnectAsync("BTCUSDT@depth@100ms", new BinanceMarketStreamsOptions
        {
            Endpoints = BinanceEndpoints.SingleHost(harness.Simulator.StreamUrl),
            Reconnect = new ReconnectPolicy { BaseDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200) },
        }).Within();
        Assert.Equal("btcusdt@depth@100ms", raw.Name);
        await using var items = raw.ReadAllAsync().GetAsyncEnumerator();
        var first = await items.NextAsync();
        Assert.Equal(SubscriptionItemKind.Data, first.Kind);
        Assert.StartsWith("{\"e\":\"depthUpdate\"", first.Message.Text, StringComparison.Ordinal);
        Assert.Equal(0, harness.Simulator.StreamControlMessagesReceived);

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
    }
}
