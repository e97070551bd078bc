using System.Text.Json;

namespace ZenWebsocket.Binance;

/// <summary>
/// Binance market-stream subscriptions (B.3) for the core's <see cref="SubscriptionManager"/>: lower-case canonical
/// names, <c>SUBSCRIBE</c>/<c>UNSUBSCRIBE</c> with the stream names as <c>params</c> (split into batches),
/// <c>result: null</c> confirms the whole batch, and data of the combined form is routed by its <c>stream</c> member.
/// </summary>
public sealed class BinanceStreamDialect : ISubscriptionDialect
{
    /// <summary>The most stream names one control message carries (a message stays small; Binance documents no bound).</summary>
    public const int MaxStreamsPerMessage = 200;

    /// <summary>Gets the shared instance.</summary>
    public static BinanceStreamDialect Instance { get; } = new();

    /// <inheritdoc />
    public string Canonicalize(string topic) => BinanceStreamNames.Canonicalize(topic);

    /// <inheritdoc />
    public IReadOnlyList<SubscriptionRequest> BuildSubscribe(IReadOnlyList<string> topics) => Split("SUBSCRIBE", topics);

    /// <inheritdoc />
    public IReadOnlyList<SubscriptionRequest> BuildUnsubscribe(IReadOnlyList<string> topics) => Split("UNSUBSCRIBE", topics);

    /// <inheritdoc />
    /// <remarks>Binance answers a successful control message with <c>result: null</c>; a refusal is an error response
    /// (which never reaches this method), so anything else confirms nothing.</remarks>
    public IReadOnlyCollection<string> ReadConfirmed(ReadOnlyMemory<byte> result, IReadOnlyList<string> requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        var reader = new Utf8JsonReader(result.Span);
        return reader.Read() && reader.TokenType == JsonTokenType.Null ? requested.ToHashSet(StringComparer.Ordinal) : [];
    }

    /// <inheritdoc />
    public bool TryGetTopic(in ZenMessage message, out string topic)
    {
        topic = "";
        return message.IsText && BinanceStreamFrame.TryReadStream(message.Data.Span, out topic);
    }

    private static List<SubscriptionRequest> Split(string method, IReadOnlyList<string> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        return topics.Chunk(MaxStreamsPerMessage)
            .Select(batch => new SubscriptionRequest(method, BinanceStreamRpcDialect.StreamList(batch), batch))
            .ToList();
    }
}
