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
}
