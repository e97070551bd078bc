using System.Text.Json;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Testing.Tests.Binance;

public class BinanceDepthTests
{
    [Fact]
    public async Task Diff_events_chain_their_update_ids_and_the_1000ms_stream_aggregates_the_same_sequence()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet());
        using var socket = await Client.ConnectAsync(simulator.Stream("/stream?streams=btcusdt@depth@100ms/btcusdt@depth"));
        await simulator.WaitForStreamConnectionsAsync(1).Bounded();

        simulator.StepMarket(20);
        var (fast, slow) = await ReadDiffsAsync(socket, 20, 2);

        for (var i = 1; i < fast.Count; i++)
        {
            Assert.Equal(fast[i - 1].GetProperty("u").GetInt64() + 1, fast[i].GetProperty("U").GetInt64());
        }

        Assert.Equal(fast[0].GetProperty("U").GetInt64(), slow[0].GetProperty("U").GetInt64());
        Assert.Equal(fast[9].GetProperty("u").GetInt64(), slow[0].GetProperty("u").GetInt64());
        Assert.Equal(slow[0].GetProperty("u").GetInt64() + 1, slow[1].GetProperty("U").GetInt64());
        Assert.Equal(fast[19].GetProperty("u").GetInt64(), slow[1].GetProperty("u").GetInt64());
        Assert.Equal(simulator.CurrentUpdateId("BTCUSDT"), fast[19].GetProperty("u").GetInt64());
    }

    [Fact]
    public async Task A_snapshot_aligns_with_the_buffered_events_and_applying_them_rebuilds_the_book()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet());
        using var socket = await Client.ConnectAsync(simulator.Stream("/ws/ethusdt@depth@100ms"));
        await simulator.WaitForStreamConnectionsAsync(1).Bounded();

        simulator.StepMarket(3);
        var (_, snapshot, _) = await simulator.GetAsync("/api/v3/depth?symbol=ETHUSDT&limit=5000");
        simulator.StepMarket(5);
        var events = new List<JsonElement>();
        for (var i = 0; i < 8; i++)
        {
            events.Add(await socket.ReceiveJsonAsync());
        }

        var lastUpdateId = snapshot.GetProperty("lastUpdateId").GetInt64();
        Assert.True(lastUpdateId >= events[0].GetProperty("U").GetInt64() - 1, "The snapshot must not be older than the first buffered event.");
        var kept = events.Where(e => e.GetProperty("u").GetInt64() > lastUpdateId).ToList();
        Assert.Equal(5, kept.Count);
        Assert.True(kept[0].GetProperty("U").GetInt64() <= lastUpdateId + 1 && lastUpdateId + 1 <= kept[0].GetProperty("u").GetInt64());

        var bids = BinanceTestKit.Side(snapshot.GetProperty("bids"));
        var asks = BinanceTestKit.Side(snapshot.GetProperty("asks"));
        foreach (var update in kept)
        {
            BinanceTestKit.Apply(bids, update.GetProperty("b"));
            BinanceTestKit.Apply(asks, update.GetProperty("a"));
        }

        var (_, now, _) = await simulator.GetAsync("/api/v3/depth?symbol=ETHUSDT&limit=5000");
        Assert.Equal(kept[^1].GetProperty("u").GetInt64(), now.GetProperty("lastUpdateId").GetInt64());
        Assert.Equal(BinanceTestKit.Side(now.GetProperty("bids")), bids);
        Assert.Equal(BinanceTestKit.Side(now.GetProperty("asks")), asks);
    }

    [Fact]
    public async Task An_injected_gap_skips_update_ids_on_both_diff_streams()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet());
        using var socket = await Client.ConnectAsync(simulator.Stream("/stream?streams=btcusdt@depth@100ms/btcusdt@depth"));
        await simulator.WaitForStreamConnectionsAsync(1).Bounded();

        simulator.StepMarket(15);
        simulator.InjectDepthGap("BTCUSDT");
        simulator.StepMarket(5);
        var (fast, slow) = await ReadDiffsAsync(socket, 20, 2);

        Assert.True(fast[15].GetProperty("U").GetInt64() > fast[14].GetProperty("u").GetInt64() + 1);
        Assert.Equal(fast[16].GetProperty("U").GetInt64(), fast[15].GetProperty("u").GetInt64() + 1);
        Assert.True(slow[1].GetProperty("U").GetInt64() > slow[0].GetProperty("u").GetInt64() + 1);
    }

    [Fact]
    public async Task Stale_snapshots_are_older_than_the_first_buffered_event_until_the_count_runs_out()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet());
        simulator.StepMarket(5);
        using var socket = await Client.ConnectAsync(simulator.Stream("/ws/btcusdt@depth"));
        await simulator.WaitForStreamConnectionsAsync(1).Bounded();
        simulator.StepMarket(10);
        var first = await socket.ReceiveJsonAsync();
        simulator.ServeStaleSnapshots(1);

        var (_, stale, _) = await simulator.GetAsync("/api/v3/depth?symbol=BTCUSDT");
        var (_, fresh, _) = await simulator.GetAsync("/api/v3/depth?symbol=BTCUSDT");

        Assert.True(stale.GetProperty("lastUpdateId").GetInt64() < first.GetProperty("U").GetInt64() - 1);
        Assert.Equal(simulator.CurrentUpdateId("BTCUSDT"), fresh.GetProperty("lastUpdateId").GetInt64());
    }

    private static async Task<(List<JsonElement> Fast, List<JsonElement> Slow)> ReadDiffsAsync(System.Net.WebSockets.WebSocket socket, int fastCount, int slowCount)
    {
        var fast = new List<JsonElement>();
        var slow = new List<JsonElement>();
        while (fast.Count < fastCount || slow.Count < slowCount)
        {
            var message = await socket.ReceiveJsonAsync();
            (message.GetProperty("stream").GetString() == "btcusdt@depth" ? slow : fast).Add(message.GetProperty("data"));
        }

        return (fast, slow);
    }
}
