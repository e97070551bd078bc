using System.Text.Json;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Testing.Tests.Binance;

public class BinanceStreamPayloadTests
{
    [Fact]
    public async Task A_raw_stream_delivers_bare_depth_updates_with_string_levels()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet());
        using var socket = await Client.ConnectAsync(simulator.Stream("/ws/btcusdt@depth@100ms"));
        await simulator.WaitForStreamConnectionsAsync(1).Bounded();

        simulator.StepMarket();
        var update = await socket.ReceiveJsonAsync();

        Assert.Equal("depthUpdate", update.GetProperty("e").GetString());
        Assert.True(update.GetProperty("E").GetInt64() > 0);
        Assert.Equal("BTCUSDT", update.GetProperty("s").GetString());
        Assert.True(update.GetProperty("U").GetInt64() <= update.GetProperty("u").GetInt64());
        Assert.Equal(simulator.CurrentUpdateId("BTCUSDT"), update.GetProperty("u").GetInt64());
        Assert.False(update.TryGetProperty("pu", out _));
        var levels = update.GetProperty("b").EnumerateArray().Concat(update.GetProperty("a").EnumerateArray()).ToList();
        Assert.NotEmpty(levels);
        Assert.All(levels, level => Assert.True(level.GetArrayLength() == 2 && level[0].ValueKind == JsonValueKind.String && level[1].ValueKind == JsonValueKind.String));
    }

    [Fact]
    public async Task A_combined_stream_wraps_each_event_with_its_stream_name()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet());
        using var socket = await Client.ConnectAsync(simulator.Stream("/stream?streams=ethusdt@depth5@100ms/btcusdt@depth@100ms"));
        await simulator.WaitForStreamConnectionsAsync(1).Bounded();

        simulator.StepMarket();
        var seen = new Dictionary<string, JsonElement>();
        while (seen.Count < 2)
        {
            var message = await socket.ReceiveJsonAsync();
            seen[message.GetProperty("stream").GetString()!] = message.GetProperty("data");
        }

        Assert.Equal("depthUpdate", seen["btcusdt@depth@100ms"].GetProperty("e").GetString());
        var partial = seen["ethusdt@depth5@100ms"];
        Assert.Equal(simulator.CurrentUpdateId("ETHUSDT"), partial.GetProperty("lastUpdateId").GetInt64());
        Assert.Equal(5, partial.GetProperty("bids").GetArrayLength());
        Assert.Equal(5, partial.GetProperty("asks").GetArrayLength());
        Assert.False(partial.TryGetProperty("e", out _));
    }

    [Fact]
    public async Task Trades_aggregate_trades_book_tickers_klines_and_tickers_have_the_documented_fields()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet());
        string[] streams = ["btcusdt@trade", "btcusdt@aggTrade", "btcusdt@bookTicker", "btcusdt@kline_1m", "btcusdt@ticker"];
        using var socket = await Client.ConnectAsync(simulator.Stream("/stream?streams=" + string.Join('/', streams)));
        await simulator.WaitForStreamConnectionsAsync(1).Bounded();

        var seen = new Dictionary<string, JsonElement>();
        while (seen.Count < streams.Length)
        {
            // The reply to a control message queues behind every event the step published: read up to it.
            simulator.StepMarket(10);
            await socket.SendTextAsync("""{"method":"LIST_SUBSCRIPTIONS","id":1}""");
            for (var message = await socket.ReceiveJsonAsync(); !message.TryGetProperty("result", out _); message = await socket.ReceiveJsonAsync())
            {
                seen.TryAdd(message.GetProperty("stream").GetString()!, message.GetProperty("data"));
            }
        }

        AssertFields(seen["btcusdt@trade"], "e", "E", "s", "t", "p", "q", "T", "m", "M");
        Assert.Equal("trade", seen["btcusdt@trade"].GetProperty("e").GetString());
        AssertFields(seen["btcusdt@aggTrade"], "e", "E", "s", "a", "p", "q", "f", "l", "T", "m", "M");
        AssertFields(seen["btcusdt@bookTicker"], "u", "s", "b", "B", "a", "A");
        Assert.False(seen["btcusdt@bookTicker"].TryGetProperty("e", out _));
        Assert.True(seen["btcusdt@bookTicker"].GetProperty("b").Dec() < seen["btcusdt@bookTicker"].GetProperty("a").Dec());
        AssertFields(seen["btcusdt@kline_1m"], "e", "E", "s", "k");
        AssertFields(seen["btcusdt@kline_1m"].GetProperty("k"), "t", "T", "s", "i", "f", "L", "o", "c", "h", "l", "v", "n", "x", "q", "V", "Q", "B");
        AssertFields(seen["btcusdt@ticker"], "e", "E", "s", "p", "P", "w", "x", "c", "Q", "b", "B", "a", "A", "o", "h", "l", "v", "q", "O", "C", "F", "L", "n");
        Assert.Equal("24hrTicker", seen["btcusdt@ticker"].GetProperty("e").GetString());
    }

    [Fact]
    public async Task One_seed_gives_one_market()
    {
        async Task<string> FirstUpdateAsync()
        {
            await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet() with { Seed = 7 });
            using var socket = await Client.ConnectAsync(simulator.Stream("/ws/ethbtc@depth@100ms"));
            await simulator.WaitForStreamConnectionsAsync(1).Bounded();
            simulator.StepMarket();
            var update = await socket.ReceiveJsonAsync();
            return update.GetProperty("U").GetInt64() + update.GetProperty("b").GetRawText() + update.GetProperty("a").GetRawText();
        }

        Assert.Equal(await FirstUpdateAsync(), await FirstUpdateAsync());
    }

    [Fact]
    public async Task The_generator_runs_on_its_own_clock()
    {
        await using var simulator = await BinanceSimulator.StartAsync(new BinanceSimulatorOptions { MarketDataInterval = TimeSpan.FromMilliseconds(20), MaxIncomingMessagesPerSecond = 0 });
        using var socket = await Client.ConnectAsync(simulator.Stream("/ws/bnbusdt@depth@100ms"));

        var first = await socket.ReceiveJsonAsync();
        var second = await socket.ReceiveJsonAsync();

        Assert.Equal(first.GetProperty("u").GetInt64() + 1, second.GetProperty("U").GetInt64());
    }

    [Fact]
    public async Task Microsecond_time_unit_scales_event_times_but_not_ids()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_770_000_000_123));
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet(time));
        using var micro = await Client.ConnectAsync(simulator.Stream("/stream?streams=btcusdt@depth@100ms&timeUnit=MICROSECOND"));
        using var milli = await Client.ConnectAsync(simulator.Stream("/ws/btcusdt@depth@100ms"));
        await simulator.WaitForStreamConnectionsAsync(2).Bounded();

        simulator.StepMarket();
        var inMicros = (await micro.ReceiveJsonAsync()).GetProperty("data");
        var inMillis = await milli.ReceiveJsonAsync();

        Assert.Equal(1_770_000_000_123_000, inMicros.GetProperty("E").GetInt64());
        Assert.Equal(1_770_000_000_123, inMillis.GetProperty("E").GetInt64());
        Assert.Equal(inMillis.GetProperty("u").GetInt64(), inMicros.GetProperty("u").GetInt64());
    }

    private static void AssertFields(JsonElement element, params string[] names)
    {
        Assert.Equal(names, element.EnumerateObject().Select(p => p.Name));
    }
}
