namespace ZenWebsocket;

/// <summary>
/// The connection was lost while a request waited for its response. Nothing is ever re-sent automatically:
/// <see cref="OutcomeUnknown"/> says whether the server may have executed it (an order that may exist).
/// </summary>
public sealed class ZenConnectionLostException : ZenWebSocketException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="method">The request's method.</param>
    /// <param name="requestId">The request's id.</param>
    /// <param name="writeState">Whether it was written.</param>
    /// <param name="idempotent">Whether repeating it is harmless.</param>
    /// <param name="cause">The error that ended the connection, if any.</param>
    public ZenConnectionLostException(string method, long requestId, RequestWriteState writeState, bool idempotent, ZenWebSocketException? cause = null)
        : base(Describe(method, requestId, writeState, idempotent), cause)
    {
        Method = method;
        RequestId = requestId;
        WriteState = writeState;
        IsIdempotent = idempotent;
    }

    /// <summary>Gets the request's method.</summary>
    public string Method { get; }

    /// <summary>Gets the request's id.</summary>
    public long RequestId { get; }

    /// <summary>Gets whether the request reached the socket.</summary>
    public RequestWriteState WriteState { get; }

    /// <summary>Gets whether the request was declared idempotent.</summary>
    public bool IsIdempotent { get; }

    /// <summary>Gets whether the server may have executed a request that is not safe to repeat.</summary>
    public bool OutcomeUnknown => WriteState != RequestWriteState.NotWritten && !IsIdempotent;

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Transport;

    /// <inheritdoc />
    /// <remarks>Not transient when the outcome is unknown: blindly retrying could execute it twice.</remarks>
    public override bool IsTransient => !OutcomeUnknown;

    /// <inheritdoc />
    public override string Explain() => OutcomeUnknown
        ? $"The connection dropped after '{Method}' was sent and before its response, so the server may have executed it. Reconcile first (for an order: look it up by its label or client id) and only then decide to resend; nothing was resent automatically."
        : $"The connection dropped before '{Method}' got a response. It is safe to send it again once reconnected; nothing was resent automatically.";

    private static string Describe(string method, long id, RequestWriteState state, bool idempotent) => state switch
    {
        RequestWriteState.NotWritten => $"The connection was lost before '{method}' (id {id}) was written; it was not executed.",
        _ when idempotent => $"The connection was lost before a response to '{method}' (id {id}); it is idempotent and may be sent again.",
        RequestWriteState.Written => $"The connection was lost after '{method}' (id {id}) was written and before its response: its outcome is unknown.",
        _ => $"The connection was lost while '{method}' (id {id}) was being written: its outcome is unknown.",
    };
}
