using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Testing.Tests.Binance;

/// <summary>The seeded market generator keeps a sane book: a tight spread around a mid that walks.</summary>
public sealed class BinanceMarketGeneratorTests
{
    private const int Steps = 5000;

    // The generator keeps the touch 1..5 ticks from the mid, so the spread is 2..10 ticks.
    private const int MaxSpreadTicks = 10;

    [Fact]
    public void Over_5000_steps_every_symbol_keeps_a_tight_uncrossed_spread_and_a_contiguous_top_of_book()
    {
        using var market = new BinanceMarket(BinanceTestKit.Quiet(), new StreamHub());

        for (var step = 0; step < Steps; step++)
        {
            market.Step(1);
            foreach (var symbol in BinanceSimSymbol.Defaults)
            {
                Assert.True(market.TryGetTop(symbol.Symbol, out var bid, out var ask));
                Assert.True(bid < ask, $"{symbol.Symbol} crossed at step {step}: {bid} / {ask}");
                Assert.True(ask - bid <= MaxSpreadTicks * symbol.TickSize, $"{symbol.Symbol} spread {ask - bid} at step {step}");
                var book = market.GetSnapshot(symbol.Symbol, 10)!;
                Assert.Equal(10, book.Bids.Count);
                Assert.Equal(10, book.Asks.Count);
                Assert.True(book.Bids[0].Price - book.Bids[9].Price <= 60 * symbol.TickSize, $"{symbol.Symbol} bids spread out at step {step}");
                Assert.True(book.Asks[9].Price - book.Asks[0].Price <= 60 * symbol.TickSize, $"{symbol.Symbol} asks spread out at step {step}");
            }
        }
    }

    [Fact]
    public void The_mid_price_walks_instead_of_standing_still()
    {
        using var market = new BinanceMarket(BinanceTestKit.Quiet(), new StreamHub());
        var mids = new List<decimal>();

        for (var step = 0; step < Steps; step++)
        {
            market.Step(1);
            Assert.True(market.TryGetTop("BTCUSDT", out var bid, out var ask));
            mids.Add((bid + ask) / 2);
        }

        Assert.True(mids.Max() - mids.Min() >= 0.20m, $"The mid only ranged {mids.Min()}..{mids.Max()}");
        Assert.True(mids.Distinct().Count() > 50);
    }

    [Fact]
    public async Task A_resting_buy_a_few_ticks_below_the_ask_fills_from_market_moves_alone()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 0, 30, TimeSpan.Zero));
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet(time));
        using var socket = await Client.ConnectAsync(simulator.ApiUrl);
        var (_, depth, _) = await simulator.GetAsync("/api/v3/depth?symbol=BTCUSDT&limit=5");
        var price = depth.GetProperty("asks")[0][0].Dec() - 0.03m;
        var btcBefore = simulator.Balance("BTC");

        var placed = await socket.CallAsync("order.place", ApiEndToEndTests.Hmac(ApiHarness.Limit("BUY", price.ToString("F2", System.Globalization.CultureInfo.InvariantCulture), "0.01"), time));
        ApiAssert.Ok(placed);
        Assert.Equal("NEW", placed.Result().Text("status"));

        var steps = 0;
        while (simulator.Orders("BTCUSDT").Single().Status != "FILLED" && steps < Steps)
        {
            simulator.StepMarket(10);
            steps += 10;
        }

        var order = simulator.Orders("BTCUSDT").Single();
        Assert.Equal("FILLED", order.Status);
        Assert.Equal(price, order.Price);
        Assert.True(simulator.Balance("BTC") > btcBefore);
    }

    [Fact]
    public async Task A_local_book_kept_from_diffs_over_1000_steps_stays_uncrossed_and_matches_the_snapshot()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet());
        using var socket = await Client.ConnectAsync(simulator.Stream("/ws/btcusdt@depth@100ms"));
        await simulator.WaitForStreamConnectionsAsync(1).Bounded();
        var (_, snapshot, _) = await simulator.GetAsync("/api/v3/depth?symbol=BTCUSDT&limit=5000");
        var bids = BinanceTestKit.Side(snapshot.GetProperty("bids"));
        var asks = BinanceTestKit.Side(snapshot.GetProperty("asks"));
        var last = snapshot.GetProperty("lastUpdateId").GetInt64();

        for (var chunk = 0; chunk < 10; chunk++)
        {
            simulator.StepMarket(100);
            for (var i = 0; i < 100; i++)
            {
                var update = await socket.ReceiveJsonAsync();
                Assert.Equal(last + 1, update.GetProperty("U").GetInt64());
                last = update.GetProperty("u").GetInt64();
                BinanceTestKit.Apply(bids, update.GetProperty("b"));
                BinanceTestKit.Apply(asks, update.GetProperty("a"));
                Assert.True(bids.Keys.Max() < asks.Keys.Min(), $"The local book crossed at update {last}");
            }
        }

        var (_, now, _) = await simulator.GetAsync("/api/v3/depth?symbol=BTCUSDT&limit=5000");
        Assert.Equal(now.GetProperty("lastUpdateId").GetInt64(), last);
        Assert.Equal(BinanceTestKit.Side(now.GetProperty("bids")), bids);
        Assert.Equal(BinanceTestKit.Side(now.GetProperty("asks")), asks);
    }
}
