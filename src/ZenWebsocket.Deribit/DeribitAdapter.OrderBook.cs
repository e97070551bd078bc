namespace ZenWebsocket.Deribit;

public sealed partial class DeribitAdapter
{
    /// <summary>Subscribes to <c>book.{instrument}.{interval}</c> and maintains a local book with gap detection.</summary>
    /// <param name="instrumentName">The instrument, e.g. <c>BTC-PERPETUAL</c>.</param>
    /// <param name="interval">The interval: <c>100ms</c> (the default), <c>agg2</c>, or <c>raw</c> (authenticated only).</param>
    /// <param name="cancellationToken">Cancels the subscribe.</param>
    /// <returns>The maintained book; dispose it to unsubscribe.</returns>
    public async Task<DeribitOrderBookSubscription> SubscribeOrderBookAsync(string instrumentName, string interval = "100ms", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instrumentName);
        ArgumentException.ThrowIfNullOrEmpty(interval);
        var topic = "book." + instrumentName + "." + interval;
        var handle = await SubscribeAsync(topic, cancellationToken: cancellationToken).ConfigureAwait(false);
        var book = new DeribitOrderBookSubscription(this, instrumentName, topic, handle);
        book.Start();
        return book;
    }

    /// <summary>Writes a <see cref="SubscriptionItemKind.Gap"/> marker into a topic's streams on the current connection.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="detail">What was lost.</param>
    internal void MarkGap(string topic, string detail) => Volatile.Read(ref _session)?.Subscriptions?.MarkGap(topic, detail);
}
