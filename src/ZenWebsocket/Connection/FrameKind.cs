namespace ZenWebsocket;

/// <summary>The kind of a WebSocket frame or message seen by an <see cref="IFrameObserver"/>.</summary>
public enum FrameKind
{
    /// <summary>A complete text message.</summary>
    Text,

    /// <summary>A complete binary message.</summary>
    Binary,

    /// <summary>A PING control frame.</summary>
    Ping,

    /// <summary>A PONG control frame.</summary>
    Pong,

    /// <summary>A CLOSE control frame (payload: 2-byte status then UTF-8 reason).</summary>
    Close,
}
