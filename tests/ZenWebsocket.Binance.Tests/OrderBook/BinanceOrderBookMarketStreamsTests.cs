using ZenWebsocket.Binance.Tests.OrderBook.Support;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Binance.Tests.OrderBook;

/// <summary>The keeper on the real market-streams client (combined connection, live SUBSCRIBE) against the simulator.</summary>
public sealed class BinanceOrderBookMarketStreamsTests
{
    [Fact]
    public async Task Three_books_on_one_combined_connection_each_equal_the_exchange()
    {
        await using var kit = await Kit.StartAsync();
        string[] symbols = ["BTCUSDT", "ETHUSDT", "ETHBTC"];
        var books = new List<BinanceTrackedBook>();
        foreach (var symbol in symbols)
        {
            books.Add(await kit.Keeper.TrackAsync(symbol));
        }

        var readers = books.Select(b => b.ReadUpdatesAsync().GetAsyncEnumerator()).ToList();

        // Each TrackAsync returned after Binance acknowledged the SUBSCRIBE, so the next step reaches every book.
        kit.Simulator.StepMarket();
        foreach (var reader in readers)
        {
            await reader.NextOfKindAsync(BinanceBookItemKind.Synced);
        }

        kit.Simulator.StepMarket(20);
        for (var i = 0; i < books.Count; i++)
        {
            await kit.AssertMatchesExchangeAsync(books[i], readers[i]);
            await readers[i].DisposeAsync();
        }

        Assert.Single(kit.Streams.Connections);
    }

    [Fact]
    public async Task An_injected_gap_on_the_combined_stream_gives_a_gap_marker_then_a_correct_book()
    {
        await using var kit = await Kit.StartAsync();
        kit.Simulator.ServeStaleSnapshots(1);
        var book = await kit.Keeper.TrackAsync("BNBUSDT");
        await using var items = book.ReadUpdatesAsync().GetAsyncEnumerator();
        kit.Simulator.StepMarket(2);
        await items.NextOfKindAsync(BinanceBookItemKind.Synced);
        Assert.Equal(2, book.SnapshotFetches);

        kit.Simulator.InjectDepthGap("BNBUSDT");
        kit.Simulator.StepMarket();
        await items.NextOfKindAsync(BinanceBookItemKind.Gap);
        await items.NextOfKindAsync(BinanceBookItemKind.Synced);
        kit.Simulator.StepMarket(10);

        await kit.AssertMatchesExchangeAsync(book, items);
    }

    private sealed class Kit : IAsyncDisposable
    {
        private Kit(BinanceSimulator simulator, BinanceMarketStreams streams, BinanceRestClient rest, BinanceOrderBookKeeper keeper)
        {
            Simulator = simulator;
            Streams = streams;
            Rest = rest;
            Keeper = keeper;
        }

        public BinanceSimulator Simulator { get; }

        public BinanceMarketStreams Streams { get; }

        public BinanceRestClient Rest { get; }

        public BinanceOrderBookKeeper Keeper { get; }

        public static async Task<Kit> StartAsync()
        {
            var simulator = await BinanceSimulator.StartAsync(new BinanceSimulatorOptions { GenerateMarketData = false, MaxIncomingMessagesPerSecond = 0 });
            var endpoints = BinanceEndpoints.SingleHost(simulator.StreamUrl);
            var streams = new BinanceMarketStreams(new BinanceMarketStreamsOptions { Endpoints = endpoints });
            var rest = new BinanceRestClient(new BinanceRestClientOptions { BaseAddress = endpoints.Rest });
            var keeper = new BinanceOrderBookKeeper(streams, rest, new BinanceOrderBookOptions { SnapshotRetryDelay = TimeSpan.FromMilliseconds(10) });
            return new Kit(simulator, streams, rest, keeper);
        }

        public Task AssertMatchesExchangeAsync(BinanceTrackedBook book, IAsyncEnumerator<BinanceBookItem> items) =>
            items.AssertMatchesExchangeAsync(book, Simulator, Rest);

        public async ValueTask DisposeAsync()
        {
            await Keeper.DisposeAsync();
            await Streams.DisposeAsync();
            Rest.Dispose();
            await Simulator.DisposeAsync();
        }
    }
}
