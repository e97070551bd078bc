namespace ZenWebsocket;

/// <summary>The peer broke a protocol rule: an oversized message, invalid frames, or an unreadable message.</summary>
public sealed class ZenProtocolException : ZenWebSocketException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">The rule that was broken.</param>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The underlying exception.</param>
    public ZenProtocolException(ProtocolFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>Gets the rule that was broken.</summary>
    public ProtocolFailure Failure { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Protocol;

    /// <inheritdoc />
    /// <remarks>A fresh connection starts a clean protocol state, so reconnecting is worth trying.</remarks>
    public override bool IsTransient => true;

    /// <inheritdoc />
    public override string Explain() => Failure switch
    {
        ProtocolFailure.MessageTooLarge =>
            "An inbound message was larger than MaxMessageSize, so the connection was closed with 1009. Raise MaxMessageSize if such messages are expected (large snapshots), or subscribe to less.",
        ProtocolFailure.InvalidFrame =>
            "The server sent data that is not valid WebSocket framing. This points at a server bug or a proxy that rewrites traffic.",
        _ => "A message could not be read by the application protocol. Check that the client speaks the venue's current API version.",
    };
}
