namespace ZenWebsocket;

/// <summary>
/// How a venue subscribes, acknowledges and routes: the adapter supplies it, the core knows no exchange.
/// Deribit routes by <c>params.channel</c>, Binance by <c>stream</c>.
/// </summary>
public interface ISubscriptionDialect
{
    /// <summary>Returns the canonical form of a topic (the registry key): two spellings of one stream are one topic.</summary>
    /// <param name="topic">The topic as the user wrote it.</param>
    /// <returns>The canonical topic.</returns>
    string Canonicalize(string topic);

    /// <summary>Builds the subscribe requests for a batch of topics; the dialect splits them as the venue requires
    /// (topics per message, public and private methods).</summary>
    /// <param name="topics">Canonical topics.</param>
    /// <returns>One or more requests, each naming the topics it covers.</returns>
    IReadOnlyList<SubscriptionRequest> BuildSubscribe(IReadOnlyList<string> topics);

    /// <summary>Builds the unsubscribe requests for a batch of topics.</summary>
    /// <param name="topics">Canonical topics.</param>
    /// <returns>One or more requests.</returns>
    IReadOnlyList<SubscriptionRequest> BuildUnsubscribe(IReadOnlyList<string> topics);

    /// <summary>Reads which of the requested topics an acknowledgement confirmed.</summary>
    /// <param name="result">The raw JSON result of the subscribe response.</param>
    /// <param name="requested">The topics the request covered.</param>
    /// <returns>The confirmed topics (a venue that acknowledges with <c>null</c> confirms all).</returns>
    IReadOnlyCollection<string> ReadConfirmed(ReadOnlyMemory<byte> result, IReadOnlyList<string> requested);

    /// <summary>Finds the topic of a notification, in one pass without a DOM; runs on the receive loop.</summary>
    /// <param name="message">An inbound message.</param>
    /// <param name="topic">The canonical topic.</param>
    /// <returns>Whether the message is data of a topic.</returns>
    bool TryGetTopic(in ZenMessage message, out string topic);
}
