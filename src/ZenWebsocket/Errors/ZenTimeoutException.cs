namespace ZenWebsocket;

/// <summary>Something the client waited for did not happen within its configured time.</summary>
public sealed class ZenTimeoutException : ZenWebSocketException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">What timed out.</param>
    /// <param name="timeout">The limit that was exceeded.</param>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The underlying exception.</param>
    public ZenTimeoutException(TimeoutKind kind, TimeSpan timeout, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Timeout = timeout;
    }

    /// <summary>Gets what timed out.</summary>
    public TimeoutKind Kind { get; }

    /// <summary>Gets the limit that was exceeded.</summary>
    public TimeSpan Timeout { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Timeout;

    /// <inheritdoc />
    public override bool IsTransient => true;

    /// <inheritdoc />
    public override string Explain() => Kind switch
    {
        TimeoutKind.Connect =>
            $"The connection or WebSocket upgrade did not complete within {Timeout}. The server may accept TCP but not answer (overload, proxy), or the network is slow; check the URL or raise ConnectTimeout.",
        TimeoutKind.Heartbeat =>
            $"No sign of life arrived within {Timeout}, so the link was treated as dead (half-open TCP, stalled server, or a blocked consumer in Wait mode). It is reconnected when reconnection is on.",
        TimeoutKind.Request =>
            $"No response arrived within {Timeout}. The request may still have been executed by the server; reconcile before retrying non-idempotent requests.",
        TimeoutKind.QueuedSend =>
            $"The message waited longer than its time to live ({Timeout}) for a connection and was discarded unsent. Raise SendQueueTimeToLive or handle the outage.",
        _ => $"The close handshake did not complete within {Timeout}; the connection was aborted instead.",
    };
}
