namespace ZenWebsocket.Binance.Tests.OrderBook.Support;

internal static class BookItems
{
    public static async Task<BinanceBookItem> NextAsync(this IAsyncEnumerator<BinanceBookItem> items)
    {
        Assert.True(await items.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System), "the book's items ended");
        return items.Current;
    }

    /// <summary>Reads items until one of the kind arrives, and returns it (the ones before it are skipped).</summary>
    public static async Task<BinanceBookItem> NextOfKindAsync(this IAsyncEnumerator<BinanceBookItem> items, BinanceBookItemKind kind)
    {
        while (true)
        {
            var item = await items.NextAsync();
            if (item.Kind == kind)
            {
                return item;
            }
        }
    }

    /// <summary>Reads the book's updates up to the exchange's current id, then compares every level with a fresh
    /// REST snapshot taken at that same id (the market is still between steps).</summary>
    public static async Task AssertMatchesExchangeAsync(this IAsyncEnumerator<BinanceBookItem> items, BinanceTrackedBook book, ZenWebsocket.Testing.Simulators.Binance.BinanceSimulator simulator, BinanceRestClient rest)
    {
        var target = simulator.CurrentUpdateId(book.Symbol);
        while (book.LastUpdateId != target)
        {
            await items.NextAsync();
        }

        var exchange = await rest.GetDepthAsync(book.Symbol, BinanceRestClient.MaxDepthLimit);
        var local = book.GetSnapshot()!;
        Assert.Equal(exchange.LastUpdateId, local.LastUpdateId);
        Assert.Equal(exchange.Bids, local.Bids);
        Assert.Equal(exchange.Asks, local.Asks);
        Assert.NotEmpty(local.Bids);
        Assert.Equal(BinanceBookState.Live, book.State);
    }
}
