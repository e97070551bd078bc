namespace ZenWebsocket;

/// <summary>A message could not be sent; <see cref="Failure"/> says why. The message was not written.</summary>
public sealed class ZenSendException : ZenWebSocketException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">Why the send failed.</param>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The underlying exception.</param>
    public ZenSendException(SendFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>Gets why the send failed.</summary>
    public SendFailure Failure { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => Failure == SendFailure.WriteFailed ? ErrorCategory.Transport : ErrorCategory.Closed;

    /// <inheritdoc />
    public override bool IsTransient => Failure != SendFailure.Closed;

    /// <inheritdoc />
    public override string Explain() => Failure switch
    {
        SendFailure.NotConnected =>
            "The client was not connected, and DisconnectedSendPolicy is FailFast, so nothing was sent. Wait for the Connected state, or use QueueWithTimeToLive for idempotent traffic.",
        SendFailure.QueueFull =>
            "The queue of messages waiting for a connection is full, so this one was refused. Raise SendQueueCapacity or stop sending while disconnected.",
        SendFailure.Closed =>
            "The client was closed or disposed before the message could be written.",
        _ => "Writing to the socket failed, so the connection is being torn down. The message may be partially written; treat its outcome as unknown.",
    };
}
