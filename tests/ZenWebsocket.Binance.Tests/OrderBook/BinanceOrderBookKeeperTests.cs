using System.Net;
using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Binance.Tests.OrderBook.Support;

namespace ZenWebsocket.Binance.Tests.OrderBook;

/// <summary>The keeper's procedure (B.5) on scripted update ids: every alignment edge and fault, deterministically.</summary>
public sealed class BinanceOrderBookKeeperTests : IAsyncDisposable
{
    private const string Stream = "btcusdt@depth@100ms";
    private readonly ScriptedDepthSource _source = new();
    private readonly ScriptedRest _http = new();
    private readonly FakeTimeProvider _time = new();
    private readonly BinanceRestClient _rest;
    private BinanceOrderBookKeeper? _keeper;

    public BinanceOrderBookKeeperTests()
    {
        _rest = ScriptedRest.Client(_http);

        // A snapshot is answered only after the stream's reader handed every event written so far to the book, so a
        // test decides exactly which events are buffered when the snapshot lands.
        _http.BeforeAnswer = request =>
        {
            var symbol = request.RequestUri!.Query.Split('&')[0].Split('=')[1];
            return _source.WaitIdleAsync(ScriptedDepthSource.StreamOf(symbol));
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_keeper is not null)
        {
            await _keeper.DisposeAsync();
        }

        _rest.Dispose();
    }

    [Fact]
    public async Task Sync_buffers_events_fetches_a_snapshot_and_applies_only_what_the_snapshot_does_not_hold()
    {
        _http.AnswerSnapshot(100, bids: """[["10.0","1"],["9.9","2"]]""", asks: """[["10.1","3"]]""");
        _source.PushDepth("BTCUSDT", 95, 98, bids: """[["10.0","50"]]""");
        _source.PushDepth("BTCUSDT", 99, 101, bids: """[["9.9","0"]]""");
        var book = await TrackAsync();
        await using var items = book.ReadUpdatesAsync().GetAsyncEnumerator();

        var synced = await items.NextAsync();

        Assert.Equal(BinanceBookItemKind.Synced, synced.Kind);
        Assert.Equal(101, synced.UpdateId);
        Assert.Equal(BinanceBookState.Live, book.State);
        var snapshot = book.GetSnapshot()!;
        Assert.Equal(101, snapshot.LastUpdateId);
        Assert.Equal([new BinanceBookLevel(10.0m, 1)], snapshot.Bids);
        Assert.Equal([new BinanceBookLevel(10.1m, 3)], snapshot.Asks);
        Assert.Equal(new Uri("http://binance.test/api/v3/depth?symbol=BTCUSDT&limit=1000"), Assert.Single(_http.Requests));

        _source.Push(Stream, """{"e":"serverShutdown","E":1770123456789}""");
        _source.PushDepth("BTCUSDT", 102, 103, asks: """[["10.05","4"]]""");
        var update = await items.NextAsync();

        Assert.Equal(BinanceBookItemKind.Update, update.Kind);
        Assert.Equal(103, update.UpdateId);
        Assert.Equal(102, update.Update!.FirstUpdateId);
        Assert.Equal(new BinanceBookLevel(10.05m, 4), book.GetBest().Ask);
        Assert.Equal(0, book.Gaps);
    }

    [Fact]
    public async Task An_unreadable_event_counts_as_missed_and_resyncs_the_book()
    {
        _http.AnswerSnapshot(100).AnswerSnapshot(103);
        _source.PushDepth("BTCUSDT", 100, 101);
        var book = await TrackAsync();
        await using var items = book.ReadUpdatesAsync().GetAsyncEnumerator();
        Assert.Equal(BinanceBookItemKind.Synced, (await items.NextAsync()).Kind);

        _source.Push(Stream, """{"e":"depthUpdate","U":102,"u":"garbage"}""");
        var gap = await items.NextAsync();
        _source.PushDepth("BTCUSDT", 103, 104);

        Assert.Equal(BinanceBookItemKind.Gap, gap.Kind);
        Assert.Contains("could not be read", gap.Detail, StringComparison.Ordinal);
        Assert.Equal(104, (await items.NextOfKindAsync(BinanceBookItemKind.Synced)).UpdateId);
    }

    [Fact]
    public async Task A_first_buffered_event_starting_one_past_the_snapshot_lines_up()
    {
        _http.AnswerSnapshot(100);
        _source.PushDepth("BTCUSDT", 96, 100);
        _source.PushDepth("BTCUSDT", 101, 102);
        var book = await TrackAsync();
        await using var items = book.ReadUpdatesAsync().GetAsyncEnumerator();

        var synced = await items.NextAsync();
        Assert.Equal(BinanceBookItemKind.Synced, synced.Kind);
        Assert.Equal(102, synced.UpdateId);
    }

    [Fact]
    public async Task A_snapshot_older_than_the_first_buffered_event_is_fetched_again()
    {
        _http.AnswerSnapshot(99).AnswerSnapshot(104, bids: """[["1","1"]]""");
        _source.PushDepth("BTCUSDT", 101, 103);
        _source.PushDepth("BTCUSDT", 104, 106, bids: """[["2","2"]]""");
        var book = await TrackAsync(new BinanceOrderBookOptions { SnapshotRetryDelay = TimeSpan.Zero });
        await using var items = book.ReadUpdatesAsync().GetAsyncEnumerator();
        var synced = await items.NextAsync();

        Assert.Equal(BinanceBookItemKind.Synced, synced.Kind);
        Assert.Equal(106, synced.UpdateId);
        Assert.Equal(2, _http.Requests.Count);
        Assert.Equal(2, book.SnapshotFetches);
        Assert.Equal([new BinanceBookLevel(2, 2), new BinanceBookLevel(1, 1)], book.GetSnapshot()!.Bids);
    }

    [Fact]
    public async Task Snapshots_that_stay_older_than_the_stream_fail_the_book_after_the_attempts()
    {
        _http.Fallback = _ => ScriptedRest.Respond(HttpStatusCode.OK, ScriptedRest.Snapshot(10));
        var book = await TrackAsync(new BinanceOrderBookOptions { SnapshotRetryDelay = TimeSpan.Zero, MaxSnapshotAttempts = 3 });
        await using var items = book.ReadUpdatesAsync().GetAsyncEnumerator();

        _source.PushDepth("BTCUSDT", 101, 101);
        var failed = await items.NextAsync();

        Assert.Equal(BinanceBookItemKind.Failed, failed.Kind);
        Assert.Contains("older than the stream", failed.Detail, StringComparison.Ordinal);
        Assert.Equal(BinanceBookState.Failed, book.State);
        Assert.Equal(3, _http.Requests.Count);
        Assert.False(await items.MoveNextAsync());
    }

    [Fact]
    public async Task A_gap_in_the_diff_stream_discards_the_book_with_a_gap_marker_and_resyncs()
    {
        var resyncSnapshot = new TaskCompletionSource();
        _http.AnswerSnapshot(100, bids: """[["1","1"]]""").AnswerSnapshotAfter(resyncSnapshot.Task, 110, bids: """[["3","3"]]""");
        var book = await TrackAsync();
        await using var items = book.ReadUpdatesAsync().GetAsyncEnumerator();
        _source.PushDepth("BTCUSDT", 100, 101);
        Assert.Equal(BinanceBookItemKind.Synced, (await items.NextAsync()).Kind);

        _source.PushDepth("BTCUSDT", 105, 108, bids: """[["2","2"]]""");
        var gap = await items.NextAsync();

        Assert.Equal(BinanceBookItemKind.Gap, gap.Kind);
        Assert.Contains("U 105 > local id 101 + 1", gap.Detail, StringComparison.Ordinal);
        Assert.Null(book.GetSnapshot());
        Assert.Equal(1, book.Gaps);
        Assert.Equal(BinanceBookState.Resyncing, book.State);

        _source.PushDepth("BTCUSDT", 109, 111, bids: """[["4","4"]]""");
        resyncSnapshot.SetResult();
        var synced = await items.NextAsync();

        Assert.Equal(BinanceBookItemKind.Synced, synced.Kind);
        Assert.Equal(111, synced.UpdateId);
        Assert.Equal(BinanceBookState.Live, book.State);
        Assert.Equal([new BinanceBookLevel(4, 4), new BinanceBookLevel(3, 3)], book.GetSnapshot()!.Bids);
        Assert.Equal(2, book.Syncs);
    }

    [Fact]
    public async Task A_hole_inside_the_buffered_events_refetches_from_the_event_after_it()
    {
        _http.AnswerSnapshot(101).AnswerSnapshot(106);
        _source.PushDepth("BTCUSDT", 100, 102);
        _source.PushDepth("BTCUSDT", 105, 107);
        var book = await TrackAsync(new BinanceOrderBookOptions { SnapshotRetryDelay = TimeSpan.Zero });
        await using var items = book.ReadUpdatesAsync().GetAsyncEnumerator();

        // Snapshot 101 covers 100..102 but 105..107 does not follow it: the hole is found in the buffer and the
        // next snapshot is taken against the events after it.
        var synced = await items.NextAsync();

        Assert.Equal(BinanceBookItemKind.Synced, synced.Kind);
        Assert.Equal(107, synced.UpdateId);
        Assert.Equal(2, _http.Requests.Count);
        Assert.Equal(0, book.Gaps);
    }

    [Fact]
    public async Task A_full_buffer_starts_over_and_the_late_answer_of_the_abandoned_fetch_is_ignored()
    {
        var firstAnswer = new TaskCompletionSource();
        _http.AnswerSnapshotAfter(firstAnswer.Task, 100, bids: """[["9","9"]]""").AnswerSnapshot(103, bids: """[["1","1"]]""");
        _source.PushDepth("BTCUSDT", 100, 100);
        var book = await TrackAsync(new BinanceOrderBookOptions { MaxBufferedEvents = 2 });
        await using var items = book.ReadUpdatesAsync().GetAsyncEnumerator();
        await _http.WaitForRequestsAsync(1);

        // The first fetch hangs; the third event overflows the buffer and synchronization starts over from it.
        _source.PushDepth("BTCUSDT", 101, 101);
        _source.PushDepth("BTCUSDT", 102, 102);
        var synced = await items.NextAsync();
        firstAnswer.SetResult();
        _source.PushDepth("BTCUSDT", 104, 104);
        var update = await items.NextAsync();

        Assert.Equal(BinanceBookItemKind.Synced, synced.Kind);
        Assert.Equal(103, synced.UpdateId);
        Assert.Equal(BinanceBookItemKind.Update, update.Kind);
        Assert.Equal(104, update.UpdateId);
        Assert.Equal([new BinanceBookLevel(1, 1)], book.GetSnapshot()!.Bids);
        Assert.Equal(2, _http.Requests.Count);
    }

    [Theory]
    [InlineData(SubscriptionItemKind.Reconnecting)]
    [InlineData(SubscriptionItemKind.Gap)]
    public async Task A_stream_interruption_marker_discards_the_book_and_resyncs(SubscriptionItemKind marker)
    {
        _http.AnswerSnapshot(100).AnswerSnapshot(200);
        var book = await TrackAsync();
        await using var items = book.ReadUpdatesAsync().GetAsyncEnumerator();
        _source.PushDepth("BTCUSDT", 100, 101);
        Assert.Equal(BinanceBookItemKind.Synced, (await items.NextAsync()).Kind);

        _source.Mark(Stream, marker, "connection lost");
        var gap = await items.NextAsync();

        Assert.Equal(BinanceBookItemKind.Gap, gap.Kind);
        Assert.Contains("connection lost", gap.Detail, StringComparison.Ordinal);
        Assert.Equal(BinanceBookState.Resyncing, book.State);

        _source.Mark(Stream, SubscriptionItemKind.Restored);
        _source.PushDepth("BTCUSDT", 199, 201);
        var synced = await items.NextAsync();
        Assert.Equal(BinanceBookItemKind.Synced, synced.Kind);
        Assert.Equal(201, synced.UpdateId);
    }

    [Fact]
    public async Task A_book_without_events_for_the_stale_time_reports_stale_until_data_resumes()
    {
        _http.AnswerSnapshot(100);
        var book = await TrackAsync(new BinanceOrderBookOptions { StaleAfter = TimeSpan.FromSeconds(5) });
        await using var items = book.ReadUpdatesAsync().GetAsyncEnumerator();
        _source.PushDepth("BTCUSDT", 100, 101);
        Assert.Equal(BinanceBookItemKind.Synced, (await items.NextAsync()).Kind);

        _time.Advance(TimeSpan.FromSeconds(4));
        var next = items.MoveNextAsync().AsTask();
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System));

        Assert.Equal(BinanceBookItemKind.Stale, items.Current.Kind);
        Assert.Equal(101, items.Current.UpdateId);
        Assert.Equal(BinanceBookState.Stale, book.State);
        Assert.NotNull(book.GetSnapshot());

        _source.PushDepth("BTCUSDT", 102, 102);
        Assert.Equal(BinanceBookItemKind.Update, (await items.NextAsync()).Kind);
        Assert.Equal(BinanceBookState.Live, book.State);
    }

    [Fact]
    public async Task An_unknown_symbol_fails_the_book_with_the_exchange_error()
    {
        _http.Answer(HttpStatusCode.BadRequest, """{"code":-1121,"msg":"Invalid symbol."}""");
        var book = await TrackAsync(symbol: "NOPE");
        await using var items = book.ReadUpdatesAsync().GetAsyncEnumerator();

        _source.PushDepth("NOPE", 1, 1);
        var failed = await items.NextAsync();

        Assert.Equal(BinanceBookItemKind.Failed, failed.Kind);
        Assert.Contains("-1121", failed.Detail, StringComparison.Ordinal);
        Assert.Single(_http.Requests);
    }

    [Fact]
    public async Task A_rate_limited_snapshot_is_retried_after_the_retry_after_delay()
    {
        _http.Answer(HttpStatusCode.TooManyRequests, """{"code":-1003,"msg":"Too much request weight used."}""", r => r.Headers.Add("Retry-After", "0"))
            .AnswerSnapshot(100);
        var book = await TrackAsync();
        await using var items = book.ReadUpdatesAsync().GetAsyncEnumerator();

        _source.PushDepth("BTCUSDT", 100, 100);

        Assert.Equal(BinanceBookItemKind.Synced, (await items.NextAsync()).Kind);
        Assert.Equal(2, _http.Requests.Count);
    }

    [Fact]
    public async Task Three_symbols_sync_independently_and_a_gap_in_one_leaves_the_others_live()
    {
        _http.Fallback = request => ScriptedRest.Respond(HttpStatusCode.OK, ScriptedRest.Snapshot(request.RequestUri!.Query.Contains("ETHUSDT", StringComparison.Ordinal) ? 500 : 100));
        _keeper = new BinanceOrderBookKeeper(_source, _rest, new BinanceOrderBookOptions { TimeProvider = _time });
        var btc = await _keeper.TrackAsync("btcusdt");
        var eth = await _keeper.TrackAsync("ETHUSDT");
        var bnb = await _keeper.TrackAsync("BnbUsdt");
        Assert.Equal(["bnbusdt@depth@100ms", "btcusdt@depth@100ms", "ethusdt@depth@100ms"], _source.Subscribed.Order());
        await using var btcItems = btc.ReadUpdatesAsync().GetAsyncEnumerator();
        await using var ethItems = eth.ReadUpdatesAsync().GetAsyncEnumerator();
        await using var bnbItems = bnb.ReadUpdatesAsync().GetAsyncEnumerator();

        _source.PushDepth("BTCUSDT", 100, 101);
        _source.PushDepth("ETHUSDT", 500, 501);
        _source.PushDepth("BNBUSDT", 99, 100);
        Assert.Equal(101, (await btcItems.NextOfKindAsync(BinanceBookItemKind.Synced)).UpdateId);
        Assert.Equal(501, (await ethItems.NextOfKindAsync(BinanceBookItemKind.Synced)).UpdateId);
        Assert.Equal(100, (await bnbItems.NextOfKindAsync(BinanceBookItemKind.Synced)).UpdateId);

        _source.PushDepth("ETHUSDT", 600, 601);
        Assert.Equal(BinanceBookItemKind.Gap, (await ethItems.NextAsync()).Kind);
        _source.PushDepth("BTCUSDT", 102, 102);
        Assert.Equal(BinanceBookItemKind.Update, (await btcItems.NextAsync()).Kind);
        Assert.Equal(BinanceBookState.Live, btc.State);
        Assert.Equal(BinanceBookState.Live, bnb.State);
        Assert.Equal(3, _keeper.Books.Count);
        Assert.Same(eth, _keeper.Find("ethusdt"));
    }

    [Fact]
    public async Task Books_that_resync_together_fetch_their_snapshots_a_few_at_a_time()
    {
        // Every snapshot is held until the gate opens: with two allowed in flight, the other two books must wait.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < 4; i++)
        {
            _http.AnswerSnapshotAfter(gate.Task, 100);
        }

        _keeper = new BinanceOrderBookKeeper(_source, _rest, new BinanceOrderBookOptions { TimeProvider = _time, MaxConcurrentSnapshots = 2 });
        string[] symbols = ["BTCUSDT", "ETHUSDT", "BNBUSDT", "ETHBTC"];
        var books = new List<BinanceTrackedBook>();
        foreach (var symbol in symbols)
        {
            books.Add(await _keeper.TrackAsync(symbol));
            _source.PushDepth(symbol, 100, 101);
        }

        await _http.WaitForRequestsAsync(2);
        var requestedWhileHeld = _http.Requests.Count;
        gate.SetResult();
        foreach (var book in books)
        {
            await using var items = book.ReadUpdatesAsync().GetAsyncEnumerator();
            Assert.Equal(101, (await items.NextOfKindAsync(BinanceBookItemKind.Synced)).UpdateId);
        }

        Assert.Equal(2, requestedWhileHeld);
        Assert.Equal(4, _http.Requests.Count);
    }

    [Fact]
    public async Task Tracking_a_symbol_twice_is_refused_and_disposing_a_book_leaves_its_stream()
    {
        var book = await TrackAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => _keeper!.TrackAsync("BTCUSDT"));
        await book.DisposeAsync();

        Assert.True(_source.IsDisposed(Stream));
        Assert.Null(_keeper!.Find("BTCUSDT"));
        Assert.Empty(_keeper.Books);
    }

    [Fact]
    public void Options_out_of_range_are_refused_naming_the_option()
    {
        var suffix = Assert.Throws<ArgumentException>(() => new BinanceOrderBookKeeper(_source, _rest, new BinanceOrderBookOptions { StreamSuffix = "@depth5" }));
        var limit = Assert.ThrowsAny<ArgumentException>(() => new BinanceOrderBookKeeper(_source, _rest, new BinanceOrderBookOptions { SnapshotLimit = 5001 }));
        var stale = Assert.Throws<ArgumentException>(() => new BinanceOrderBookKeeper(_source, _rest, new BinanceOrderBookOptions { StaleAfter = TimeSpan.Zero }));

        Assert.Contains("BinanceOrderBookOptions.StreamSuffix", suffix.Message, StringComparison.Ordinal);
        Assert.Contains("BinanceOrderBookOptions.SnapshotLimit", limit.Message, StringComparison.Ordinal);
        Assert.Contains("BinanceOrderBookOptions.StaleAfter", stale.Message, StringComparison.Ordinal);
    }

    private async Task<BinanceTrackedBook> TrackAsync(BinanceOrderBookOptions? options = null, string symbol = "BTCUSDT")
    {
        _keeper = new BinanceOrderBookKeeper(_source, _rest, (options ?? new BinanceOrderBookOptions()) with { TimeProvider = _time });
        return await _keeper.TrackAsync(symbol);
    }
}
