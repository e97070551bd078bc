using System.Runtime.CompilerServices;

namespace ZenWebsocket.Binance;

/// <summary>
/// One subscribed market stream of <see cref="BinanceMarketStreams"/>. Data items carry the bare event (the
/// <c>data</c> of the combined frame), each once, in order, across rotations; markers say where the stream was
/// interrupted (Reconnecting, Restored) or ended (Failed).
/// </summary>
public sealed class BinanceStreamSubscription : IBinanceStreamSubscription
{
    private readonly PoolSubscription _inner;

    internal BinanceStreamSubscription(PoolSubscription inner)
    {
        _inner = inner;
    }

    /// <inheritdoc />
    public string Name => _inner.Topic;

    /// <summary>Gets the connection that carries the stream now.</summary>
    public PooledConnection? Connection => _inner.Connection;

    /// <summary>Gets how many events this subscriber lost to its full queue.</summary>
    public long Dropped => _inner.Dropped;

    /// <inheritdoc />
    public async IAsyncEnumerable<SubscriptionItem> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in _inner.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!item.IsData)
            {
                yield return item;
                continue;
            }

            var message = item.Message;
            var data = BinanceStreamFrame.GetEvent(message.Data);
            yield return item with { Message = new ZenMessage(message.Type, data, message.ConnectionId, message.ReceivedTimestamp) };
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
