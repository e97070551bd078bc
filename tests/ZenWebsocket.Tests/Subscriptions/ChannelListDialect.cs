using System.Text.Json;

namespace ZenWebsocket.Tests.Subscriptions;

/// <summary>A Deribit-shaped dialect for the tests: channel lists in, confirmed channel lists back, data routed by params.channel.</summary>
public sealed class ChannelListDialect : ISubscriptionDialect
{
    public string Canonicalize(string topic) => topic.Trim();

    public IReadOnlyList<SubscriptionRequest> BuildSubscribe(IReadOnlyList<string> topics) => [Build("public/subscribe", topics)];

    public IReadOnlyList<SubscriptionRequest> BuildUnsubscribe(IReadOnlyList<string> topics) => [Build("public/unsubscribe", topics)];

    public IReadOnlyCollection<string> ReadConfirmed(ReadOnlyMemory<byte> result, IReadOnlyList<string> requested)
    {
        using var document = JsonDocument.Parse(result);
        return document.RootElement.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
    }

    public bool TryGetTopic(in ZenMessage message, out string topic) =>
        JsonRpcNotification.TryReadParamsString(message.Data.Span, "subscription"u8, "channel"u8, out topic);

    private static SubscriptionRequest Build(string method, IReadOnlyList<string> topics) =>
        new(method, RpcParams.StringArray("channels", topics), topics);
}
