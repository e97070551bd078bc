namespace ZenWebsocket;

/// <summary>
/// The base of every error this library raises for something that went wrong on the wire or at the peer.
/// Usage errors (bad arguments, wrong state) use the BCL exceptions instead.
/// </summary>
/// <remarks>
/// <see cref="IsTransient"/> is what the reconnection logic consults: a transient error is retried with backoff,
/// a permanent one (for example refused credentials) stops reconnection and surfaces.
/// </remarks>
public abstract class ZenWebSocketException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened, for humans.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    protected ZenWebSocketException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the family of the error.</summary>
    public abstract ErrorCategory Category { get; }

    /// <summary>Gets a value indicating whether trying again later may succeed.</summary>
    public abstract bool IsTransient { get; }

    /// <summary>Gets how long the peer asked us to wait before trying again, when it said so.</summary>
    /// <value><see langword="null"/> unless the peer sent a Retry-After or an equivalent.</value>
    public virtual TimeSpan? RetryAfter => null;

    /// <summary>Returns one or two sentences that name the likely cause and what to do about it.</summary>
    /// <returns>A human explanation, safe to log (it never contains credentials).</returns>
    public abstract string Explain();
}
