using System.Text.Json;
using ZenWebsocket.Testing.Simulators.Deribit;

namespace ZenWebsocket.Testing.Tests.Simulators.Deribit;

public class DeribitTradingTests
{
    private const string Perp = "BTC-PERPETUAL";

    [Fact]
    public async Task A_limit_order_below_the_market_rests_and_is_reported()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        await client.AuthAsync();
        await client.ResultAsync("private/subscribe", new { channels = new[] { $"user.orders.{Perp}.raw" } });

        var placed = await client.ResultAsync("private/buy", new { instrument_name = Perp, amount = 20, type = "limit", price = 50_000, label = "bot-1" });
        var order = placed.GetProperty("order");
        var notified = await client.NotificationAsync($"user.orders.{Perp}.raw");
        var open = await client.ResultAsync("private/get_open_orders_by_currency", new { currency = "BTC" });
        var byInstrument = await client.ResultAsync("private/get_open_orders_by_instrument", new { instrument_name = Perp });
        var state = await client.ResultAsync("private/get_order_state", new { order_id = order.GetProperty("order_id").GetString() });

        Assert.Equal("open", order.GetProperty("order_state").GetString());
        Assert.Equal(0, placed.GetProperty("trades").GetArrayLength());
        Assert.Equal(order.GetProperty("order_id").GetString(), notified.GetProperty("order_id").GetString());
        Assert.Equal("bot-1", Assert.Single(open.EnumerateArray()).GetProperty("label").GetString());
        Assert.Equal(1, byInstrument.GetArrayLength());
        Assert.Equal(20m, state.GetProperty("amount").GetDecimal());
        Assert.Equal(50_000m, Assert.Single(sim.OpenOrders).Price);
    }

    [Fact]
    public async Task A_market_buy_fills_against_the_book_and_moves_position_and_portfolio()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        await client.AuthAsync();
        await client.ResultAsync("private/subscribe", new { channels = new[] { $"user.trades.{Perp}.raw", "user.portfolio.BTC" } });
        await client.NotificationAsync("user.portfolio.BTC");
        var bestAsk = (await client.ResultAsync("public/ticker", new { instrument_name = Perp })).GetProperty("best_ask_price").GetDecimal();

        var result = await client.ResultAsync("private/buy", new { instrument_name = Perp, amount = 10, type = "market" });
        var trades = await client.NotificationAsync($"user.trades.{Perp}.raw");
        var portfolio = await client.NotificationAsync("user.portfolio.BTC");
        var position = await client.ResultAsync("private/get_position", new { instrument_name = Perp });
        var summary = await client.ResultAsync("private/get_account_summary", new { currency = "BTC" });

        Assert.Equal("filled", result.GetProperty("order").GetProperty("order_state").GetString());
        var trade = Assert.Single(result.GetProperty("trades").EnumerateArray());
        Assert.Equal((bestAsk, "T", "buy"), (trade.GetProperty("price").GetDecimal(), trade.GetProperty("liquidity").GetString(), trade.GetProperty("direction").GetString()));
        Assert.Equal(trade.GetProperty("trade_id").GetString(), trades[0].GetProperty("trade_id").GetString());
        Assert.Equal((10m, "buy"), (position.GetProperty("size").GetDecimal(), position.GetProperty("direction").GetString()));
        Assert.True(summary.GetProperty("balance").GetDecimal() < 10m, "the taker fee is paid in BTC");
        Assert.Equal(summary.GetProperty("balance").GetDecimal(), portfolio.GetProperty("balance").GetDecimal());
        Assert.True(summary.GetProperty("initial_margin").GetDecimal() > 0);
    }

    [Fact]
    public async Task Edit_cancel_cancel_all_and_cancel_by_label()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        await client.AuthAsync();
        string Place(JsonElement r) => r.GetProperty("order").GetProperty("order_id").GetString()!;
        var a = Place(await client.ResultAsync("private/buy", new { instrument_name = Perp, amount = 10, price = 50_000, label = "grid" }));
        var b = Place(await client.ResultAsync("private/buy", new { instrument_name = Perp, amount = 10, price = 49_000, label = "grid" }));
        var c = Place(await client.ResultAsync("private/sell", new { instrument_name = Perp, amount = 10, price = 70_000, label = "other" }));
        await client.ResultAsync("private/buy", new { instrument_name = "ETH-PERPETUAL", amount = 5, price = 2_000 });

        var edited = await client.ResultAsync("private/edit", new { order_id = a, amount = 30, price = 51_000 });
        var cancelled = await client.ResultAsync("private/cancel", new { order_id = c });
        var twice = await client.CallAsync("private/cancel", new { order_id = c });
        var unknown = await client.CallAsync("private/cancel", new { order_id = "999" });
        var byLabel = await client.ResultAsync("private/cancel_by_label", new { label = "grid" });
        var all = await client.ResultAsync("private/cancel_all");

        Assert.True(edited.GetProperty("order").GetProperty("replaced").GetBoolean());
        Assert.Equal((51_000m, 30m), (edited.GetProperty("order").GetProperty("price").GetDecimal(), edited.GetProperty("order").GetProperty("amount").GetDecimal()));
        Assert.Equal(("cancelled", "user_request"), (cancelled.GetProperty("order_state").GetString(), cancelled.GetProperty("cancel_reason").GetString()));
        Assert.Equal(11044, DeribitClient.ErrorCode(twice));
        Assert.Equal(10004, DeribitClient.ErrorCode(unknown));
        Assert.Equal(2, byLabel.GetInt32());
        Assert.Equal(1, all.GetInt32());
        Assert.Empty(sim.OpenOrders);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public async Task Two_accounts_match_each_other_by_price_time_priority()
    {
        var options = Sim.Quiet(Sim.Clock()) with { Accounts = [DeribitAccount.Default, new DeribitAccount("other", "other-secret")] };
        await using var sim = await DeribitSimulator.StartAsync(options);
        await using var maker = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        await using var taker = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        await maker.AuthAsync();
        await taker.AuthAsync("other", "other-secret");
        await maker.ResultAsync("private/subscribe", new { channels = new[] { "user.trades.future.BTC.raw" } });
        var ticker = await maker.ResultAsync("public/ticker", new { instrument_name = Perp });
        var (ask, ahead) = (ticker.GetProperty("best_ask_price").GetDecimal(), ticker.GetProperty("best_ask_amount").GetDecimal());

        // The maker joins the best ask behind the synthetic liquidity already there; the taker takes both.
        await maker.ResultAsync("private/sell", new { instrument_name = Perp, amount = 100, price = ask, post_only = true });
        var fill = await taker.ResultAsync("private/buy", new { instrument_name = Perp, amount = ahead + 40, price = ask });
        var makerTrade = (await maker.NotificationAsync("user.trades.future.BTC.raw"))[0];
        var makerPosition = await maker.ResultAsync("private/get_position", new { instrument_name = Perp });
        var takerPosition = await taker.ResultAsync("private/get_position", new { instrument_name = Perp });

        Assert.Equal("filled", fill.GetProperty("order").GetProperty("order_state").GetString());
        Assert.Equal(2, fill.GetProperty("trades").GetArrayLength());
        Assert.Equal(("M", "sell", 40m, ask), (makerTrade.GetProperty("liquidity").GetString(), makerTrade.GetProperty("direction").GetString(),
            makerTrade.GetProperty("amount").GetDecimal(), makerTrade.GetProperty("price").GetDecimal()));
        Assert.Equal(-40m, makerPosition.GetProperty("size").GetDecimal());
        Assert.Equal(ahead + 40, takerPosition.GetProperty("size").GetDecimal());
        var rest = Assert.Single(sim.OpenOrders);
        Assert.Equal(60m, rest.Amount - rest.FilledAmount);
    }

    [Fact]
    public async Task Order_validation_uses_Deribit_codes_and_post_only_reprices()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        await client.AuthAsync();
        var bestAsk = (await client.ResultAsync("public/ticker", new { instrument_name = Perp })).GetProperty("best_ask_price").GetDecimal();

        var wrongTick = await client.CallAsync("private/buy", new { instrument_name = Perp, amount = 10, price = 50_000.3m });
        var tooSmall = await client.CallAsync("private/buy", new { instrument_name = Perp, amount = 5, price = 50_000 });
        var rejected = await client.CallAsync("private/buy", new { instrument_name = Perp, amount = 10, price = bestAsk, post_only = true, reject_post_only = true });
        var repriced = await client.ResultAsync("private/buy", new { instrument_name = Perp, amount = 10, price = bestAsk + 5, post_only = true });
        var reduceOnly = await client.CallAsync("private/sell", new { instrument_name = Perp, amount = 10, price = 70_000, reduce_only = true });

        Assert.Equal(10043, DeribitClient.ErrorCode(wrongTick));
        Assert.Equal(10002, DeribitClient.ErrorCode(tooSmall));
        Assert.Equal(11054, DeribitClient.ErrorCode(rejected));
        Assert.Equal(bestAsk - 0.5m, repriced.GetProperty("order").GetProperty("price").GetDecimal());
        Assert.Equal("open", repriced.GetProperty("order").GetProperty("order_state").GetString());
        Assert.Equal(11029, DeribitClient.ErrorCode(reduceOnly));
    }
}
