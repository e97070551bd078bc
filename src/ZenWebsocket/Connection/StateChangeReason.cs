namespace ZenWebsocket;

/// <summary>Why a <see cref="ZenClient"/> changed state.</summary>
public enum StateChangeReason
{
    /// <summary>The user asked for it (connect, close).</summary>
    UserRequested,

    /// <summary>A connection attempt succeeded.</summary>
    Connected,

    /// <summary>A connection attempt failed; see the error.</summary>
    ConnectFailed,

    /// <summary>The server closed the connection with a close frame; see the close status.</summary>
    ClosedByServer,

    /// <summary>The server announced a shutdown (close status 1001 "going away", or a venue notice).</summary>
    ServerShutdown,

    /// <summary>The transport failed (reset, lost, write error); see the error.</summary>
    TransportError,

    /// <summary>The heartbeat strategy saw no sign of life within its timeout.</summary>
    HeartbeatTimeout,

    /// <summary>An inbound message exceeded the maximum size; the client closed with 1009.</summary>
    MessageTooLarge,

    /// <summary>The peer broke the WebSocket protocol.</summary>
    ProtocolError,

    /// <summary>Scheduled rotation: the connection reached its configured lifetime.</summary>
    Rotation,

    /// <summary>The user called <see cref="ZenClient.ReconnectAsync"/>.</summary>
    ExplicitReconnect,

    /// <summary>The reconnect budget ran out.</summary>
    RetriesExhausted,

    /// <summary>The error was not transient (for example refused credentials), so reconnection stopped.</summary>
    PermanentError,
}
