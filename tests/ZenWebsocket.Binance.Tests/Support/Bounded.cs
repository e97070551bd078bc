namespace ZenWebsocket.Binance.Tests.Support;

/// <summary>Bounds every wait so a bug fails a test instead of hanging the run.</summary>
public static class Bounded
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public static Task<T> Within<T>(this Task<T> task, TimeSpan? timeout = null) => task.WaitAsync(timeout ?? Wait, TimeProvider.System);

    public static Task Within(this Task task, TimeSpan? timeout = null) => task.WaitAsync(timeout ?? Wait, TimeProvider.System);

    public static async Task<SubscriptionItem> NextAsync(this IAsyncEnumerator<SubscriptionItem> items)
    {
        Assert.True(await items.MoveNextAsync().AsTask().Within());
        return items.Current;
    }
}
