namespace ZenWebsocket.Binance;

/// <summary>One subscribed market stream.</summary>
public interface IBinanceStreamSubscription : IAsyncDisposable
{
    /// <summary>Gets the canonical (lower-case) stream name.</summary>
    string Name { get; }

    /// <summary>
    /// Reads the stream: data items carry the bare event (the <c>data</c> of a combined frame, never the wrapper), in
    /// order, each exactly once even across a make-before-break rotation; markers (Reconnecting, Restored, Gap, Failed)
    /// say where the stream was interrupted.
    /// </summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The items.</returns>
    IAsyncEnumerable<SubscriptionItem> ReadAllAsync(CancellationToken cancellationToken = default);
}
