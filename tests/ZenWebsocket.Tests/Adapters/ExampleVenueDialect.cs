using System.Text.Json;

namespace ZenWebsocket.Tests.Adapters;

// The worked example's subscription dialect: channel lists in, confirmed channel lists back, data routed by
// params.channel. Private channels ("user.*") go to private/subscribe, which needs an authenticated connection.
public sealed class ExampleVenueDialect : ISubscriptionDialect
{
    public string Canonicalize(string topic) => topic.Trim();

    public IReadOnlyList<SubscriptionRequest> BuildSubscribe(IReadOnlyList<string> topics) => Split(topics, "subscribe");

    public IReadOnlyList<SubscriptionRequest> BuildUnsubscribe(IReadOnlyList<string> topics) => Split(topics, "unsubscribe");

    public IReadOnlyCollection<string> ReadConfirmed(ReadOnlyMemory<byte> result, IReadOnlyList<string> requested)
    {
        using var document = JsonDocument.Parse(result);
        return document.RootElement.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
    }

    public bool TryGetTopic(in ZenMessage message, out string topic) =>
        JsonRpcNotification.TryReadParamsString(message.Data.Span, "subscription"u8, "channel"u8, out topic);

    private static List<SubscriptionRequest> Split(IReadOnlyList<string> topics, string verb)
    {
        var requests = new List<SubscriptionRequest>(2);
        var publicTopics = topics.Where(t => !t.StartsWith("user.", StringComparison.Ordinal)).ToArray();
        var privateTopics = topics.Where(t => t.StartsWith("user.", StringComparison.Ordinal)).ToArray();
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
