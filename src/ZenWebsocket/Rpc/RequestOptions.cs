namespace ZenWebsocket;

/// <summary>Per-request settings.</summary>
public sealed record RequestOptions
{
    /// <summary>Gets the time to wait for the response, counted from the write.</summary>
    /// <value>Default <see langword="null"/>: <see cref="RequestCorrelatorOptions.RequestTimeout"/>.</value>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Gets an explicit id; a live or recently timed-out id is refused without sending.</summary>
    /// <value>Default <see langword="null"/>: the next generated id.</value>
    public long? Id { get; init; }

    /// <summary>Gets how the request meets the local rate limiter, if one is configured.</summary>
    /// <value>Default <see cref="RateLimitMode.Wait"/>.</value>
    public RateLimitMode RateLimitMode { get; init; } = RateLimitMode.Wait;

    /// <summary>Gets the longest wait for a rate-limit lease in <see cref="RateLimitMode.Wait"/>.</summary>
    /// <value>Default <see langword="null"/>: the limiter's own MaxWait.</value>
    public TimeSpan? RateLimitMaxWait { get; init; }

    /// <summary>Gets whether repeating the request is harmless (a query); it shapes the connection-lost error.</summary>
    /// <value>Default <see langword="false"/>: treat it as an order whose outcome matters.</value>
    public bool Idempotent { get; init; }

    /// <summary>Throws when a value is out of range, naming the option.</summary>
    public void Validate()
    {
        if (Timeout is { } timeout)
        {
            Guard.Positive(timeout, "RequestOptions.Timeout");
        }

        if (!Enum.IsDefined(RateLimitMode))
        {
            throw new ArgumentOutOfRangeException("RequestOptions.RateLimitMode", RateLimitMode, "RequestOptions.RateLimitMode must be Wait or Reject.");
        }

        if (RateLimitMaxWait is { } maxWait && maxWait < TimeSpan.Zero && maxWait != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException("RequestOptions.RateLimitMaxWait", maxWait, "RequestOptions.RateLimitMaxWait must not be negative (Timeout.InfiniteTimeSpan waits forever).");
        }
    }
}
