namespace ZenWebsocket;

/// <summary>The lifecycle state of a <see cref="ZenClient"/>.</summary>
public enum ConnectionState
{
    /// <summary>Not connected and nothing automatic will change that: before the first connect, after a failed
    /// connect, or after a drop when reconnection is off or gave up.</summary>
    Disconnected,

    /// <summary>A connection attempt (TCP, TLS, WebSocket upgrade) is in progress.</summary>
    Connecting,

    /// <summary>The WebSocket is open; messages flow.</summary>
    Connected,

    /// <summary>The connection dropped and the client waits (backoff) before its next attempt.</summary>
    Reconnecting,

    /// <summary>Closed by the user (<see cref="ZenClient.CloseAsync"/> or dispose).</summary>
    Closed,
}
