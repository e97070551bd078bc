namespace ZenWebsocket;

/// <summary>What an item of a subscription stream is: data, or an in-band marker placed where it happened.</summary>
public enum SubscriptionItemKind
{
    /// <summary>A data message of the topic.</summary>
    Data,

    /// <summary>The connection dropped here: data may be missing from this point until <see cref="Restored"/>.</summary>
    Reconnecting,

    /// <summary>The topic is subscribed again; data resumes (rebuild any state from a fresh snapshot).</summary>
    Restored,

    /// <summary>The adapter detected a gap in the data (a sequence jump); see the detail.</summary>
    Gap,

    /// <summary>The topic failed (rejected on restore); the stream ends after this item.</summary>
    Failed,
}
