namespace ZenWebsocket.Binance.Tests.OrderBook;

public sealed class BinanceOrderBookTests
{
    private static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeMilliseconds(1_672_515_782_136);

    [Fact]
    public void A_snapshot_loads_bids_highest_first_and_asks_lowest_first()
    {
        var book = Loaded(100);

        Assert.True(book.IsSynchronized);
        Assert.Equal(100, book.LastUpdateId);
        Assert.Equal([Level(10.0m, 1), Level(9.9m, 2), Level(9.8m, 3)], book.GetBids());
        Assert.Equal([Level(10.1m, 4), Level(10.2m, 5)], book.GetAsks());
        Assert.Equal(Level(10.0m, 1), book.BestBid);
        Assert.Equal(Level(10.1m, 4), book.BestAsk);
    }

    [Fact]
    public void An_event_sets_a_quantity_inserts_a_new_level_and_removes_a_level_whose_quantity_is_zero()
    {
        var book = Loaded(100);

        var result = book.Apply(Event(101, 101, bids: [Level(9.9m, 7), Level(9.8m, 0), Level(9.95m, 1.5m)], asks: [Level(10.1m, 0)]));

        Assert.Equal(BinanceBookApplyResult.Applied, result);
        Assert.Equal(101, book.LastUpdateId);
        Assert.Equal(Time, book.LastEventTime);
        Assert.Equal([Level(10.0m, 1), Level(9.95m, 1.5m), Level(9.9m, 7)], book.GetBids());
        Assert.Equal([Level(10.2m, 5)], book.GetAsks());
    }

    [Fact]
    public void Removing_a_level_that_is_not_in_the_book_changes_nothing()
    {
        var book = Loaded(100);

        book.Apply(Event(101, 101, bids: [Level(5m, 0)]));

        Assert.Equal(3, book.BidCount);
    }

    [Theory]
    [InlineData(90, 99)]
    [InlineData(95, 100)]
    public void An_event_the_book_already_holds_is_ignored(long first, long final)
    {
        var book = Loaded(100);

        var result = book.Apply(Event(first, final, bids: [Level(10.0m, 99)]));

        Assert.Equal(BinanceBookApplyResult.Ignored, result);
        Assert.Equal(100, book.LastUpdateId);
        Assert.Equal(Level(10.0m, 1), book.BestBid);
    }

    [Fact]
    public void An_event_starting_exactly_one_past_the_snapshot_lines_up()
    {
        var book = Loaded(100);

        Assert.Equal(BinanceBookApplyResult.Applied, book.Apply(Event(101, 105)));
        Assert.Equal(105, book.LastUpdateId);
    }

    [Fact]
    public void An_event_whose_range_holds_the_snapshot_id_lines_up_as_the_documentation_says()
    {
        var book = Loaded(100);

        Assert.Equal(BinanceBookApplyResult.Applied, book.Apply(Event(97, 103, asks: [Level(10.15m, 2)])));
        Assert.Equal(103, book.LastUpdateId);
        Assert.Equal(Level(10.1m, 4), book.BestAsk);
        Assert.Equal(3, book.AskCount);
    }

    [Fact]
    public void An_event_starting_past_local_id_plus_one_is_a_gap_that_discards_the_book()
    {
        var book = Loaded(100);
        book.Apply(Event(101, 104));

        var result = book.Apply(Event(106, 107));

        Assert.Equal(BinanceBookApplyResult.Gap, result);
        Assert.False(book.IsSynchronized);
        Assert.Equal(0, book.BidCount);
        Assert.Equal(0, book.AskCount);
        Assert.Throws<InvalidOperationException>(() => book.Apply(Event(105, 108)));
    }

    [Fact]
    public void Consecutive_events_chain_from_each_final_id()
    {
        var book = Loaded(100);

        Assert.Equal(BinanceBookApplyResult.Applied, book.Apply(Event(101, 110)));
        Assert.Equal(BinanceBookApplyResult.Applied, book.Apply(Event(111, 111)));
        Assert.Equal(BinanceBookApplyResult.Gap, book.Apply(Event(113, 120)));
    }

    [Fact]
    public void Events_cannot_be_applied_before_a_snapshot()
    {
        var book = new BinanceOrderBook("btcusdt");

        Assert.Equal("BTCUSDT", book.Symbol);
        Assert.Throws<InvalidOperationException>(() => book.Apply(Event(1, 2)));
        Assert.Throws<InvalidOperationException>(() => book.ToSnapshot());
    }

    [Fact]
    public void An_event_of_another_symbol_is_refused()
    {
        var book = Loaded(100);

        Assert.Throws<ArgumentException>(() => book.Apply(Event(101, 101) with { Symbol = "ETHUSDT" }));
    }

    [Fact]
    public void A_top_n_copy_holds_the_best_levels_and_the_update_id()
    {
        var book = Loaded(100);

        var top = book.ToSnapshot(2);

        Assert.Equal(100, top.LastUpdateId);
        Assert.Equal([Level(10.0m, 1), Level(9.9m, 2)], top.Bids);
        Assert.Equal([Level(10.1m, 4), Level(10.2m, 5)], top.Asks);
        Assert.Empty(book.ToSnapshot(0).Bids);
    }

    [Fact]
    public void Prices_written_with_different_trailing_zeros_are_one_level()
    {
        var book = Loaded(100);

        book.Apply(Event(101, 101, bids: [Level(10.000000m, 8)]));

        Assert.Equal(3, book.BidCount);
        Assert.Equal(8, book.BestBid!.Value.Quantity);
    }

    [Fact]
    public void A_new_snapshot_replaces_the_whole_book()
    {
        var book = Loaded(100);

        book.Load(new BinanceDepthSnapshot(200, [Level(1, 1)], []));

        Assert.Equal(200, book.LastUpdateId);
        Assert.Equal([Level(1, 1)], book.GetBids());
        Assert.Null(book.BestAsk);
    }

    private static BinanceOrderBook Loaded(long lastUpdateId)
    {
        var book = new BinanceOrderBook("BTCUSDT");
        book.Load(new BinanceDepthSnapshot(
            lastUpdateId,
            [Level(9.9m, 2), Level(10.0m, 1), Level(9.8m, 3)],
            [Level(10.2m, 5), Level(10.1m, 4)]));
        return book;
    }

    private static BinanceDepthUpdate Event(long first, long final, BinanceBookLevel[]? bids = null, BinanceBookLevel[]? asks = null) =>
        new("BTCUSDT", Time, first, final, bids ?? [], asks ?? []);

    private static BinanceBookLevel Level(decimal price, decimal quantity) => new(price, quantity);
}
