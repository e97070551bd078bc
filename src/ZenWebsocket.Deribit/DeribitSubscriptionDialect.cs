using System.Text.Json;

namespace ZenWebsocket.Deribit;

/// <summary>
/// Deribit's subscriptions (A.6): channel lists go to <c>public/subscribe</c> or, for <c>user.*</c> channels,
/// <c>private/subscribe</c> (an authenticated connection); the result is the list of channels actually subscribed;
/// notifications (<c>method = subscription</c>) are routed by <c>params.channel</c>.
/// </summary>
public sealed class DeribitSubscriptionDialect : ISubscriptionDialect
{
    /// <summary>Gets the shared instance.</summary>
    public static DeribitSubscriptionDialect Instance { get; } = new();

    /// <summary>Gets whether a channel is private (needs <c>private/subscribe</c> and authentication).</summary>
    /// <param name="channel">A channel name.</param>
    /// <returns><see langword="true"/> for <c>user.*</c> channels.</returns>
    public static bool IsPrivate(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.StartsWith("user.", StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public string Canonicalize(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return topic.Trim();
    }

    /// <inheritdoc />
    public IReadOnlyList<SubscriptionRequest> BuildSubscribe(IReadOnlyList<string> topics) => Split(topics, "subscribe");

    /// <inheritdoc />
    public IReadOnlyList<SubscriptionRequest> BuildUnsubscribe(IReadOnlyList<string> topics) => Split(topics, "unsubscribe");

    /// <inheritdoc />
    public IReadOnlyCollection<string> ReadConfirmed(ReadOnlyMemory<byte> result, IReadOnlyList<string> requested)
    {
        // Deribit silently leaves out refused channels: only what the result lists is confirmed.
        var confirmed = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(result.Span);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return confirmed;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            confirmed.Add(reader.GetString()!);
        }

        return confirmed;
    }

    /// <inheritdoc />
    public bool TryGetTopic(in ZenMessage message, out string topic) =>
        JsonRpcNotification.TryReadParamsString(message.Data.Span, "subscription"u8, "channel"u8, out topic);

    private static List<SubscriptionRequest> Split(IReadOnlyList<string> topics, string verb)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var requests = new List<SubscriptionRequest>(2);
        var publicTopics = topics.Where(t => !IsPrivate(t)).ToArray();
        var privateTopics = topics.Where(IsPrivate).ToArray();
        if (publicTopics.Length > 0)
        {
            requests.Add(Build("public/" + verb, publicTopics));
        }

        if (privateTopics.Length > 0)
        {
            requests.Add(Build("private/" + verb, privateTopics));
        }

        return requests;
    }

    private static SubscriptionRequest Build(string method, string[] topics) =>
        new(method, RpcParams.StringArray("channels", topics), topics);
}
