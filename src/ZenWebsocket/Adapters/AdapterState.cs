namespace ZenWebsocket;

/// <summary>The lifecycle state of an <see cref="ExchangeAdapter"/>. An adapter runs once: Stopped and Faulted are final.</summary>
public enum AdapterState
{
    /// <summary>Created; <see cref="ExchangeAdapter.StartAsync"/> not called yet. Subscriptions made now are made on the first connect.</summary>
    Created,

    /// <summary>The first ordered path (connect, authenticate, restore, resume) is running.</summary>
    Connecting,

    /// <summary>Connected, authenticated, subscriptions restored, operations resumed: user calls go out.</summary>
    Ready,

    /// <summary>The connection was lost; the adapter waits (backoff) or runs the ordered path again.</summary>
    Reconnecting,

    /// <summary>Stopped by an error that retrying cannot fix (refused credentials, a permanent error, an exhausted
    /// budget). The error is in <see cref="AdapterStateChanged.Error"/> and <see cref="ExchangeAdapter.Completion"/>.</summary>
    Faulted,

    /// <summary>Stopped by <see cref="ExchangeAdapter.StopAsync"/> or dispose.</summary>
    Stopped,
}
