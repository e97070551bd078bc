namespace ZenWebsocket;

/// <summary>A rate limit refused the operation; <see cref="ZenWebSocketException.RetryAfter"/> says when to try again.</summary>
public sealed class ZenRateLimitedException : ZenWebSocketException
{
    private readonly TimeSpan? _retryAfter;

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which limit refused and why.</param>
    /// <param name="retryAfter">When the operation may succeed, if known.</param>
    /// <param name="innerException">The underlying exception.</param>
    public ZenRateLimitedException(string message, TimeSpan? retryAfter, Exception? innerException = null)
        : base(message, innerException)
    {
        _retryAfter = retryAfter;
    }

    /// <inheritdoc />
    public override TimeSpan? RetryAfter => _retryAfter;

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.RateLimited;

    /// <inheritdoc />
    public override bool IsTransient => true;

    /// <inheritdoc />
    public override string Explain() =>
        $"A rate limit was reached; try again after {(RetryAfter is { } r ? r.ToString() : "a pause")}. Spread requests out or let the limiter wait for a lease instead of rejecting.";
}
