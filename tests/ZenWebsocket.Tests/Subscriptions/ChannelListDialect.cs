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

    public bool TryGetTopic(in ZenMessage message, out string topic)
    {
        topic = "";
        var reader = new Utf8JsonReader(message.Data.Span);
        try
        {
            var isSubscription = false;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("method"u8) && reader.CurrentDepth == 1)
                {
                    reader.Read();
                    isSubscription = reader.ValueTextEquals("subscription"u8);
                }
                else if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("channel"u8) && reader.CurrentDepth == 2)
                {
                    reader.Read();
                    topic = reader.GetString() ?? "";
                }
            }

            return isSubscription && topic.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static SubscriptionRequest Build(string method, IReadOnlyList<string> topics) =>
        new(method, RpcParams.Create(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("channels");
            foreach (var topic in topics)
            {
                w.WriteStringValue(topic);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }), topics);
}
