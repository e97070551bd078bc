using ZenWebsocket.Deribit.Tests.Support;

namespace ZenWebsocket.Deribit.Tests;

public sealed class DeribitTradingTests
{
    private const string Instrument = "BTC-PERPETUAL";

    private static async Task<T> NextDataAsync<T>(IAsyncEnumerator<SubscriptionItem> items, Func<ZenMessage, T?> read)
        where T : class
    {
        while (true)
        {
            var item = await items.NextAsync();
            if (item.IsData && read(item.Message) is { } value)
            {
                return value;
            }
        }
    }

    [Fact]
    public async Task A_labelled_limit_order_is_placed_notified_edited_reconciled_and_cancelled()
    {
        await using var kit = await DeribitKit.CreateAsync();
        await using var orders = await kit.Adapter.SubscribeAsync("user.orders." + Instrument + ".raw").Within();
        await kit.Adapter.StartAsync().Within();
        await using var items = orders.ReadAllAsync().GetAsyncEnumerator();

        var placed = await kit.Adapter.BuyAsync(new DeribitOrderRequest { InstrumentName = Instrument, Amount = 10, Price = 30_000m, Label = "grid-1" }).Within();

        Assert.Equal("open", placed.Order.OrderState);
        Assert.Equal("grid-1", placed.Order.Label);
        Assert.Equal(30_000m, placed.Order.Price);
        var notified = await NextDataAsync(items, m => DeribitNotifications.ReadOrders(m).FirstOrDefault(o => o.OrderId == placed.Order.OrderId));
        Assert.Equal("open", notified.OrderState);

        var edited = await kit.Adapter.EditAsync(placed.Order.OrderId, 20, 30_500m).Within();
        Assert.Equal(20m, edited.Order.Amount);
        Assert.Equal(30_500m, edited.Order.Price);

        var reconciled = Assert.Single(await kit.Adapter.ReconcileByLabelAsync("grid-1").Within());
        Assert.Equal(placed.Order.OrderId, reconciled.OrderId);
        Assert.Equal("open", (await kit.Adapter.GetOrderStateAsync(placed.Order.OrderId).Within()).OrderState);

        var cancelled = await kit.Adapter.CancelAsync(placed.Order.OrderId).Within();
        Assert.Equal("cancelled", cancelled.OrderState);
        Assert.Empty(await kit.Adapter.ReconcileByLabelAsync("grid-1").Within());
    }

    [Fact]
    public async Task Orders_without_a_label_get_one_and_cancel_by_label_and_cancel_all_count_them()
    {
        await using var kit = await DeribitKit.CreateAsync();
        await kit.Adapter.StartAsync().Within();

        var generated = await kit.Adapter.SellAsync(new DeribitOrderRequest { InstrumentName = Instrument, Amount = 10, Price = 90_000m }).Within();
        Assert.StartsWith("zen-", generated.Order.Label, StringComparison.Ordinal);
        await kit.Adapter.BuyAsync(new DeribitOrderRequest { InstrumentName = Instrument, Amount = 10, Price = 30_000m, Label = "a" }).Within();
        await kit.Adapter.BuyAsync(new DeribitOrderRequest { InstrumentName = Instrument, Amount = 10, Price = 30_500m, Label = "a" }).Within();
        Assert.Equal(3, (await kit.Adapter.GetOpenOrdersAsync().Within()).Count);

        Assert.Equal(2, await kit.Adapter.CancelByLabelAsync("a").Within());
        Assert.Equal(1, await kit.Adapter.CancelAllAsync().Within());
        Assert.Empty(await kit.Adapter.GetOpenOrdersAsync().Within());
    }

    [Fact]
    public async Task A_crossing_order_fills_and_shows_in_user_trades_positions_and_the_account_summary()
    {
        await using var kit = await DeribitKit.CreateAsync();
        await using var trades = await kit.Adapter.SubscribeAsync("user.trades." + Instrument + ".raw").Within();
        await kit.Adapter.StartAsync().Within();
        await using var items = trades.ReadAllAsync().GetAsyncEnumerator();

        var filled = await kit.Adapter.BuyAsync(new DeribitOrderRequest { InstrumentName = Instrument, Amount = 10, Type = "market" }).Within();

        Assert.Equal("filled", filled.Order.OrderState);
        Assert.NotEmpty(filled.Trades);
        var trade = await NextDataAsync(items, m => DeribitNotifications.ReadUserTrades(m) is { Count: > 0 } list ? list[0] : null);
        Assert.Equal(filled.Order.OrderId, trade.OrderId);
        Assert.True(trade.Price > 0);
        var position = Assert.Single(await kit.Adapter.GetPositionsAsync("BTC").Within(), p => p.InstrumentName == Instrument);
        Assert.Equal(10m, Math.Abs(position.Size));
        var summary = await kit.Adapter.GetAccountSummaryAsync("BTC").Within();
        Assert.Equal("BTC", summary.Currency);
        Assert.True(summary.Equity > 0);
    }

    [Fact]
    public async Task An_unknown_order_is_a_DeribitException_with_the_code()
    {
        await using var kit = await DeribitKit.CreateAsync();
        await kit.Adapter.StartAsync().Within();

        var error = await Assert.ThrowsAsync<DeribitException>(() => kit.Adapter.CancelAsync("no-such-order").Within());
        Assert.Equal(10004, error.Code);
    }

    [Fact]
    public async Task Ticker_book_and_trades_notifications_read_as_typed_data()
    {
        await using var kit = await DeribitKit.CreateAsync(o => o.Credentials = null);
        await kit.Adapter.StartAsync().Within();
        await using var ticker = await kit.Adapter.SubscribeAsync("ticker." + Instrument + ".100ms").Within();
        await using var book = await kit.Adapter.SubscribeAsync("book." + Instrument + ".100ms").Within();
        await using var tickerItems = ticker.ReadAllAsync().GetAsyncEnumerator();
        await using var bookItems = book.ReadAllAsync().GetAsyncEnumerator();

        var t = await NextDataAsync(tickerItems, m => DeribitNotifications.ReadTicker(m));
        Assert.Equal(Instrument, t.InstrumentName);
        Assert.True(t.MarkPrice > 0);
        var snapshot = await NextDataAsync(bookItems, m => DeribitNotifications.ReadBook(m));
        Assert.True(snapshot.IsSnapshot);
        Assert.NotEmpty(snapshot.Bids);
        Assert.All(snapshot.Bids, b => Assert.Equal("new", b.Action));
        var change = await NextDataAsync(bookItems, m => DeribitNotifications.ReadBook(m));
        Assert.Equal(snapshot.ChangeId, change.PrevChangeId);
        Assert.Equal(0, kit.Simulator.RequestCount("public/auth"));
    }

    [Fact]
    public async Task An_order_whose_answer_is_lost_with_the_connection_is_reconciled_by_its_label_after_the_reconnect()
    {
        await using var kit = await DeribitKit.CreateAsync();
        await kit.Adapter.StartAsync().Within();
        var ready = kit.Events.Next(e => e.Current == AdapterState.Ready && e.Previous != AdapterState.Connecting);
        kit.Simulator.DropConnectionAfterExecuting("private/buy");

        var lost = await Assert.ThrowsAsync<ZenConnectionLostException>(() => kit.Adapter.BuyAsync(new DeribitOrderRequest { InstrumentName = "BTC-PERPETUAL", Amount = 10, Price = 30_000m, Label = "unknown-1" }).Within());
        Assert.True(lost.OutcomeUnknown);
        Assert.Contains("Reconcile", lost.Explain(), StringComparison.Ordinal);

        // Nothing was resent; after the reconnect the label tells what happened: the order exists and rests.
        await ready;
        var found = Assert.Single(await kit.Adapter.ReconcileByLabelAsync("unknown-1").Within());
        Assert.Equal("open", found.OrderState);
        Assert.Equal(1, kit.Simulator.RequestCount("private/buy"));
        Assert.Equal(2, kit.Simulator.TotalConnections);
    }
}
