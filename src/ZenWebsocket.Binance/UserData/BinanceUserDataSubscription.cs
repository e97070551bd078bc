using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ZenWebsocket.Binance;

/// <summary>
/// The account's user data stream (B.6.4, B.7), from <see cref="BinanceApiClient.SubscribeUserDataAsync"/>. It
/// survives reconnects: the adapter logs on again and resubscribes, and the stream shows
/// <see cref="SubscriptionItemKind.Reconnecting"/> and <see cref="SubscriptionItemKind.Restored"/> markers where that
/// happened. Dispose it to unsubscribe.
/// </summary>
public sealed class BinanceUserDataSubscription : IAsyncDisposable
{
    private readonly AdapterSubscription _inner;

    internal BinanceUserDataSubscription(AdapterSubscription inner)
    {
        _inner = inner;
    }

    /// <summary>Gets the subscription's state.</summary>
    public SubscriptionState State => _inner.State;

    /// <summary>Gets how many items were dropped because the reader was too slow.</summary>
    public long Dropped => _inner.Dropped;

    /// <summary>Reads events and markers until the subscription ends. A message that cannot be read as an event is
    /// skipped.</summary>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The items.</returns>
    public async IAsyncEnumerable<BinanceUserDataItem> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in _inner.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!item.IsData)
            {
                yield return new BinanceUserDataItem(item.Kind, null, item.Detail);
                continue;
            }

            BinanceUserDataEvent? parsed;
            try
            {
                parsed = BinanceUserDataParser.Parse(item.Message.Data, out _);
            }
            catch (JsonException)
            {
                parsed = null;
            }

            if (parsed is not null)
            {
                yield return new BinanceUserDataItem(SubscriptionItemKind.Data, parsed);
            }
        }
    }

    /// <summary>Unsubscribes (<c>userDataStream.unsubscribe</c>) and ends the stream.</summary>
    /// <returns>A task that completes when done.</returns>
    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
