namespace ZenWebsocket;

/// <summary>What timed out in a <see cref="ZenTimeoutException"/>.</summary>
public enum TimeoutKind
{
    /// <summary>The TCP/TLS connect or the WebSocket upgrade did not finish within the connect timeout.</summary>
    Connect,

    /// <summary>The connection showed no sign of life within the heartbeat timeout.</summary>
    Heartbeat,

    /// <summary>A request received no response in time.</summary>
    Request,

    /// <summary>A send queued while disconnected outlived its time to live.</summary>
    QueuedSend,

    /// <summary>The close handshake did not complete in time.</summary>
    Close,
}
