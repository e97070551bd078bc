using ZenWebsocket.Deribit.Tests.Support;

namespace ZenWebsocket.Deribit.Tests;

public sealed class DeribitOrderBookTests
{
    private static DeribitBookUpdate Snapshot(long changeId) => new()
    {
        Type = "snapshot",
        InstrumentName = "BTC-PERPETUAL",
        ChangeId = changeId,
        Bids = [new("new", 100m, 5m), new("new", 99m, 7m)],
        Asks = [new("new", 101m, 3m), new("new", 102m, 4m)],
    };

    private static DeribitBookUpdate Change(long prev, long changeId, params DeribitBookEntry[] bids) => new()
    {
        Type = "change",
        InstrumentName = "BTC-PERPETUAL",
        PrevChangeId = prev,
        ChangeId = changeId,
        Bids = bids,
    };

    [Fact]
    public void A_snapshot_then_chained_changes_maintain_the_book()
    {
        var book = new DeribitOrderBook("BTC-PERPETUAL");
        Assert.Equal(DeribitBookApplyResult.Ignored, book.Apply(Change(1, 2)));
        Assert.Equal(DeribitBookApplyResult.Snapshot, book.Apply(Snapshot(10)));
        Assert.Equal(100m, book.BestBid!.Value.Key);
        Assert.Equal(101m, book.BestAsk!.Value.Key);

        Assert.Equal(DeribitBookApplyResult.Applied, book.Apply(Change(10, 11, new("delete", 100m, 0m), new("change", 99m, 9m), new("new", 98m, 1m))));

        Assert.Equal(11, book.ChangeId);
        Assert.Equal([new(99m, 9m), new(98m, 1m)], book.GetBids());
    }

    [Fact]
    public void A_change_that_does_not_chain_is_a_gap_and_drops_the_book_until_the_next_snapshot()
    {
        var book = new DeribitOrderBook("BTC-PERPETUAL");
        book.Apply(Snapshot(10));

        Assert.Equal(DeribitBookApplyResult.Gap, book.Apply(Change(12, 13)));

        Assert.False(book.IsSynchronized);
        Assert.Null(book.ChangeId);
        Assert.Empty(book.GetBids());
        Assert.Equal(DeribitBookApplyResult.Ignored, book.Apply(Change(13, 14)));
        Assert.Equal(DeribitBookApplyResult.Snapshot, book.Apply(Snapshot(20)));
        Assert.True(book.IsSynchronized);
    }

    [Fact]
    public async Task A_live_gap_is_marked_in_band_and_the_book_resubscribes_for_a_fresh_snapshot()
    {
        await using var kit = await DeribitKit.CreateAsync(o => o.Credentials = null);
        await kit.Adapter.StartAsync().Within();
        await using var book = await kit.Adapter.SubscribeOrderBookAsync("BTC-PERPETUAL").Within();
        await using var watcher = await kit.Adapter.SubscribeAsync(book.Topic).Within();
        var synchronized = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resynchronized = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sawGap = false;
        book.Updated += (_, result) =>
        {
            if (result == DeribitBookApplyResult.Applied)
            {
                synchronized.TrySetResult();
            }

            if (result == DeribitBookApplyResult.Gap)
            {
                sawGap = true;
            }
            else if (sawGap && result == DeribitBookApplyResult.Snapshot)
            {
                resynchronized.TrySetResult();
            }
        };
        await synchronized.Task.Within();
        Assert.True(book.IsSynchronized);

        kit.Simulator.InjectBookGap("BTC-PERPETUAL");

        await resynchronized.Task.Within();
        Assert.Equal(1, book.Gaps);
        Assert.True(book.Snapshots >= 2);
        Assert.True(book.IsSynchronized);
        Assert.Equal(1, kit.Simulator.RequestCount("public/unsubscribe"));
        Assert.Equal(2, kit.Simulator.RequestCount("public/subscribe"));
        Assert.Equal(SubscriptionState.Active, watcher.State);

        // Every handle of the topic sees the hole where it happened.
        await using var items = watcher.ReadAllAsync().GetAsyncEnumerator();
        SubscriptionItem item;
        do
        {
            item = await items.NextAsync();
        }
        while (item.Kind != SubscriptionItemKind.Gap);

        Assert.Contains("change_id", item.Detail, StringComparison.Ordinal);
    }
}
