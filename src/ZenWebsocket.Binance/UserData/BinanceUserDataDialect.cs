using System.Text.Json;

namespace ZenWebsocket.Binance;

/// <summary>
/// The user data stream as the adapter framework's one subscription topic, <see cref="Topic"/> (B.6.4): subscribed
/// with <c>userDataStream.subscribe</c> on a logged-on session or <c>userDataStream.subscribe.signature</c>
/// otherwise, confirmed by <c>{"subscriptionId":N}</c>, and fed by messages <c>{"subscriptionId":N,"event":{...}}</c>.
/// Because it is a topic, the framework restores it after every reconnect, after the logon, with markers.
/// </summary>
internal sealed class BinanceUserDataDialect(BinanceApiClient client) : ISubscriptionDialect
{
    /// <summary>The topic of the user data stream.</summary>
    public const string Topic = "userData";

    private long _subscriptionId = -1;

    /// <summary>Gets the id of the current subscription, or -1 before the first confirmation.</summary>
    public long SubscriptionId => Interlocked.Read(ref _subscriptionId);

    public string Canonicalize(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return string.Equals(topic.Trim(), Topic, StringComparison.OrdinalIgnoreCase)
            ? Topic
            : throw new ArgumentException($"The Binance WebSocket API has one subscription, '{Topic}' (the user data stream); '{topic}' is not it. Market streams are served by the stream client.", nameof(topic));
    }

    public IReadOnlyList<SubscriptionRequest> BuildSubscribe(IReadOnlyList<string> topics)
    {
        var (method, parameters) = client.UserDataSubscribeRequest();
        return [new SubscriptionRequest(method, parameters, topics)];
    }

    public IReadOnlyList<SubscriptionRequest> BuildUnsubscribe(IReadOnlyList<string> topics)
    {
        var id = SubscriptionId;
        var parameters = id < 0 ? RpcParams.None : RpcParams.Create(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("subscriptionId", id);
            w.WriteEndObject();
        });
        return [new SubscriptionRequest("userDataStream.unsubscribe", parameters, topics)];
    }

    public IReadOnlyCollection<string> ReadConfirmed(ReadOnlyMemory<byte> result, IReadOnlyList<string> requested)
    {
        try
        {
            if (JsonSerializer.Deserialize(result.Span, BinanceApiJson.Default.BinanceSubscriptionId) is { } confirmed)
            {
                Interlocked.Exchange(ref _subscriptionId, confirmed.SubscriptionId);
            }
        }
        catch (JsonException)
        {
            // An unsubscribe answers {}: nothing to record.
        }

        return requested;
    }

    public bool TryGetTopic(in ZenMessage message, out string topic)
    {
        topic = Topic;
        return message.IsText && IsUserDataEvent(message.Data.Span);
    }

    /// <summary>Whether a message is <c>{"subscriptionId":N,"event":{...}}</c> (top-level members only).</summary>
    internal static bool IsUserDataEvent(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty || json[0] != (byte)'{')
        {
            return false;
        }

        bool hasId = false, hasEvent = false;
        try
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                hasId |= reader.ValueTextEquals("subscriptionId"u8);
                hasEvent |= reader.ValueTextEquals("event"u8);
                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return hasId && hasEvent;
    }
}
