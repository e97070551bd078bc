using ZenWebsocket.Testing.Simulators.Deribit;

namespace ZenWebsocket.Testing.Tests.Simulators.Deribit;

public class DeribitSubscriptionTests
{
    [Fact]
    public async Task Subscribe_returns_only_the_accepted_channels()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);

        var result = await client.ResultAsync("public/subscribe", new
        {
            channels = new[] { "book.BTC-PERPETUAL.100ms", "ticker.ETH-PERPETUAL.100ms", "trades.NOPE.100ms", "user.orders.BTC-PERPETUAL.raw", "bogus", "deribit_price_index.btc_usd" },
        });

        Assert.Equal(["book.BTC-PERPETUAL.100ms", "ticker.ETH-PERPETUAL.100ms", "deribit_price_index.btc_usd"], result.EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Raw_channels_need_authentication()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);

        var refused = await client.CallAsync("public/subscribe", new { channels = new[] { "book.BTC-PERPETUAL.raw" } });
        var privateRefused = await client.CallAsync("private/subscribe", new { channels = new[] { "user.orders.BTC-PERPETUAL.raw" } });
        await client.AuthAsync();
        var accepted = await client.ResultAsync("public/subscribe", new { channels = new[] { "book.BTC-PERPETUAL.raw" } });
        var privateAccepted = await client.ResultAsync("private/subscribe", new { channels = new[] { "user.orders.BTC-PERPETUAL.raw", "user.portfolio.btc" } });

        Assert.Equal(13778, DeribitClient.ErrorCode(refused));
        Assert.Equal(13009, DeribitClient.ErrorCode(privateRefused));
        Assert.Equal("book.BTC-PERPETUAL.raw", Assert.Single(accepted.EnumerateArray()).GetString());
        Assert.Equal(2, privateAccepted.GetArrayLength());
        var portfolio = await client.NotificationAsync("user.portfolio.btc");
        Assert.Equal("BTC", portfolio.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task Unsubscribe_returns_what_this_call_removed_and_unsubscribe_all_says_ok()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        await client.ResultAsync("public/subscribe", new { channels = new[] { "ticker.BTC-PERPETUAL.100ms", "trades.BTC-PERPETUAL.100ms" } });

        var removed = await client.ResultAsync("public/unsubscribe", new { channels = new[] { "ticker.BTC-PERPETUAL.100ms", "ticker.ETH-PERPETUAL.100ms" } });
        var again = await client.ResultAsync("public/unsubscribe", new { channels = new[] { "ticker.BTC-PERPETUAL.100ms" } });
        var all = await client.ResultAsync("public/unsubscribe_all");

        Assert.Equal(["ticker.BTC-PERPETUAL.100ms"], removed.EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(0, again.GetArrayLength());
        Assert.Equal("ok", all.GetString());
    }

    [Fact]
    public async Task Ticker_trades_and_index_flow_on_the_market_clock()
    {
        var clock = Sim.Clock();
        await using var sim = await DeribitSimulator.StartAsync(Sim.Quiet(clock) with { GenerateMarketData = true });
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        await client.ResultAsync("public/subscribe", new { channels = new[] { "ticker.BTC-PERPETUAL.100ms", "trades.BTC-PERPETUAL.100ms", "deribit_price_index.btc_usd" } });

        // The seeded generator prints a synthetic trade now and then; a few seconds of market time is plenty.
        for (var i = 0; i < 50; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        var ticker = await client.NotificationAsync("ticker.BTC-PERPETUAL.100ms");
        var trades = await client.NotificationAsync("trades.BTC-PERPETUAL.100ms");
        var index = await client.NotificationAsync("deribit_price_index.btc_usd");

        Assert.True(ticker.GetProperty("best_bid_price").GetDecimal() < ticker.GetProperty("best_ask_price").GetDecimal());
        Assert.True(trades.GetArrayLength() > 0);
        Assert.Equal("BTC-PERPETUAL", trades[0].GetProperty("instrument_name").GetString());
        Assert.True(trades[0].GetProperty("trade_seq").GetInt64() > 0);
        Assert.Equal("btc_usd", index.GetProperty("index_name").GetString());
    }
}
