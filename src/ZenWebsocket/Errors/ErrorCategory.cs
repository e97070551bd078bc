namespace ZenWebsocket;

/// <summary>The broad family of a <see cref="ZenWebSocketException"/>; reconnection and callers branch on it.</summary>
public enum ErrorCategory
{
    /// <summary>The network or the TCP/TLS/WebSocket transport failed (DNS, refused, reset, lost).</summary>
    Transport,

    /// <summary>Something did not happen in time (connect, handshake, heartbeat, request, queued send).</summary>
    Timeout,

    /// <summary>The peer broke the WebSocket or application protocol (malformed or oversized message, bad status).</summary>
    Protocol,

    /// <summary>Credentials were refused (HTTP 401/403 on the handshake, or an exchange authentication error).</summary>
    Authentication,

    /// <summary>A rate limit was hit, locally or at the exchange; see <see cref="ZenWebSocketException.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>The exchange answered with an application error.</summary>
    Exchange,

    /// <summary>The connection is closed, closing or not connected, so the operation could not run.</summary>
    Closed,
}
