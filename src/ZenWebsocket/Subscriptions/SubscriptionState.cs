namespace ZenWebsocket;

/// <summary>Where a topic stands with the server.</summary>
public enum SubscriptionState
{
    /// <summary>The subscribe request is out; no acknowledgement yet.</summary>
    Pending,

    /// <summary>Acknowledged; data flows.</summary>
    Active,

    /// <summary>The connection dropped; the topic will be (or is being) subscribed again.</summary>
    Restoring,

    /// <summary>Rejected by the server (or not confirmed in time); it is reported and not restored.</summary>
    Failed,
}
