using ZenWebsocket.Binance.Tests.OrderBook.Support;
using ZenWebsocket.Binance.Tests.Support;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Binance.Tests.OrderBook;

/// <summary>The keeper over real sockets and real HTTP against the Binance simulator.</summary>
public sealed class BinanceOrderBookSimulatorTests
{
    [Fact]
    public async Task A_synced_book_equals_a_fresh_rest_snapshot_at_the_same_update_id()
    {
        await using var kit = await Kit.StartAsync();
        var book = await kit.Keeper.TrackAsync("BTCUSDT");
        await using var items = book.ReadUpdatesAsync().GetAsyncEnumerator();
        await kit.Simulator.WaitForStreamConnectionsAsync(1).Within();

        kit.Simulator.StepMarket();
        var synced = await items.NextOfKindAsync(BinanceBookItemKind.Synced);
        Assert.Equal(kit.Simulator.CurrentUpdateId("BTCUSDT"), synced.UpdateId);

        kit.Simulator.StepMarket(25);
        await kit.AssertMatchesExchangeAsync(book, items);
    }

    [Fact]
    public async Task The_1000ms_diff_stream_keeps_the_same_book_from_its_aggregated_windows()
    {
        await using var kit = await Kit.StartAsync(options: new BinanceOrderBookOptions { StreamSuffix = BinanceOrderBookOptions.Depth1000Ms });
        var book = await kit.Keeper.TrackAsync("ETHBTC");
        await using var items = book.ReadUpdatesAsync().GetAsyncEnumerator();
        await kit.Simulator.WaitForStreamConnectionsAsync(1).Within();
        Assert.Equal("ethbtc@depth", book.StreamName);

        // @depth publishes every 10th generator step, one event per window of ids.
        kit.Simulator.StepMarket(10);
        await items.NextOfKindAsync(BinanceBookItemKind.Synced);
        kit.Simulator.StepMarket(30);

        await kit.AssertMatchesExchangeAsync(book, items);
    }

    [Fact]
    public async Task A_snapshot_older_than_the_stream_is_fetched_again_and_the_book_still_syncs()
    {
        await using var kit = await Kit.StartAsync();
        kit.Simulator.ServeStaleSnapshots(1);
        var book = await kit.Keeper.TrackAsync("ETHUSDT");
        await using var items = book.ReadUpdatesAsync().GetAsyncEnumerator();
        await kit.Simulator.WaitForStreamConnectionsAsync(1).Within();

        kit.Simulator.StepMarket();
        await items.NextOfKindAsync(BinanceBookItemKind.Synced);

        Assert.Equal(2, book.SnapshotFetches);
        kit.Simulator.StepMarket(10);
        await kit.AssertMatchesExchangeAsync(book, items);
    }

    [Fact]
    public async Task An_injected_depth_gap_gives_a_gap_marker_then_a_resynced_correct_book()
    {
        await using var kit = await Kit.StartAsync();
        var book = await kit.Keeper.TrackAsync("BTCUSDT");
        await using var items = book.ReadUpdatesAsync().GetAsyncEnumerator();
        await kit.Simulator.WaitForStreamConnectionsAsync(1).Within();
        kit.Simulator.StepMarket(3);
        await items.NextOfKindAsync(BinanceBookItemKind.Synced);

        kit.Simulator.InjectDepthGap("BTCUSDT");
        kit.Simulator.StepMarket();
        var gap = await items.NextOfKindAsync(BinanceBookItemKind.Gap);
        var resynced = await items.NextAsync();

        Assert.Contains("events were missed", gap.Detail, StringComparison.Ordinal);
        Assert.Equal(BinanceBookItemKind.Synced, resynced.Kind);
        Assert.Equal(1, book.Gaps);
        kit.Simulator.StepMarket(10);
        await kit.AssertMatchesExchangeAsync(book, items);
    }

    [Fact]
    public async Task Three_symbols_are_kept_at_once_each_equal_to_the_exchange()
    {
        await using var kit = await Kit.StartAsync();
        string[] symbols = ["BTCUSDT", "ETHUSDT", "BNBUSDT"];
        var books = new List<BinanceTrackedBook>();
        foreach (var symbol in symbols)
        {
            books.Add(await kit.Keeper.TrackAsync(symbol));
        }

        var readers = books.Select(b => b.ReadUpdatesAsync().GetAsyncEnumerator()).ToList();
        await kit.Simulator.WaitForStreamConnectionsAsync(3).Within();

        kit.Simulator.StepMarket();
        foreach (var reader in readers)
        {
            await reader.NextOfKindAsync(BinanceBookItemKind.Synced);
        }

        kit.Simulator.StepMarket(15);
        for (var i = 0; i < books.Count; i++)
        {
            await kit.AssertMatchesExchangeAsync(books[i], readers[i]);
            await readers[i].DisposeAsync();
        }
    }

    [Fact]
    public async Task A_dropped_stream_connection_marks_a_gap_and_the_book_resyncs_after_the_reconnect()
    {
        await using var kit = await Kit.StartAsync();
        var book = await kit.Keeper.TrackAsync("BNBUSDT");
        await using var items = book.ReadUpdatesAsync().GetAsyncEnumerator();
        await kit.Simulator.WaitForStreamConnectionsAsync(1).Within();
        kit.Simulator.StepMarket();
        await items.NextOfKindAsync(BinanceBookItemKind.Synced);

        kit.Simulator.DropStreamConnections();
        var gap = await items.NextOfKindAsync(BinanceBookItemKind.Gap);
        Assert.Contains("reconnecting", gap.Detail, StringComparison.Ordinal);
        await kit.Simulator.WaitForStreamConnectionsAsync(2).Within();

        kit.Simulator.StepMarket();
        await items.NextOfKindAsync(BinanceBookItemKind.Synced);
        kit.Simulator.StepMarket(5);
        await kit.AssertMatchesExchangeAsync(book, items);
    }

    [Fact]
    public async Task A_silent_stream_makes_the_book_stale()
    {
        await using var kit = await Kit.StartAsync(
            new BinanceSimulatorOptions { MaxIncomingMessagesPerSecond = 0 },
            new BinanceOrderBookOptions { StaleAfter = TimeSpan.FromMilliseconds(500) });
        var book = await kit.Keeper.TrackAsync("BTCUSDT");
        await using var items = book.ReadUpdatesAsync().GetAsyncEnumerator();
        await items.NextOfKindAsync(BinanceBookItemKind.Synced);

        kit.Simulator.GoSilent();
        var stale = await items.NextOfKindAsync(BinanceBookItemKind.Stale);

        Assert.StartsWith("no event for", stale.Detail, StringComparison.Ordinal);
        Assert.Equal(BinanceBookState.Stale, book.State);
        Assert.NotNull(book.GetSnapshot());
    }

    private sealed class Kit : IAsyncDisposable
    {
        private Kit(BinanceSimulator simulator, BinanceRestClient rest, BinanceOrderBookKeeper keeper)
        {
            Simulator = simulator;
            Rest = rest;
            Keeper = keeper;
        }

        public BinanceSimulator Simulator { get; }

        public BinanceRestClient Rest { get; }

        public BinanceOrderBookKeeper Keeper { get; }

        /// <summary>A simulator whose market moves only on StepMarket, so update ids are the test's to choose.</summary>
        public static async Task<Kit> StartAsync(BinanceSimulatorOptions? simulatorOptions = null, BinanceOrderBookOptions? options = null)
        {
            var simulator = await BinanceSimulator.StartAsync(simulatorOptions ?? new BinanceSimulatorOptions { GenerateMarketData = false, MaxIncomingMessagesPerSecond = 0 });
            var rest = new BinanceRestClient(new BinanceRestClientOptions { BaseAddress = BinanceEndpoints.SingleHost(simulator.RestUrl).Rest });
            var keeper = new BinanceOrderBookKeeper(
                new RawSocketStreamSource(simulator.StreamUrl),
                rest,
                options ?? new BinanceOrderBookOptions { SnapshotRetryDelay = TimeSpan.FromMilliseconds(10) });
            return new Kit(simulator, rest, keeper);
        }

        public Task AssertMatchesExchangeAsync(BinanceTrackedBook book, IAsyncEnumerator<BinanceBookItem> items) =>
            items.AssertMatchesExchangeAsync(book, Simulator, Rest);

        public async ValueTask DisposeAsync()
        {
            await Keeper.DisposeAsync();
            Rest.Dispose();
            await Simulator.DisposeAsync();
        }
    }
}
