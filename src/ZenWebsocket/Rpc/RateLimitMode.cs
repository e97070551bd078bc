namespace ZenWebsocket;

/// <summary>How a request meets the local rate limiter; chosen per call site.</summary>
public enum RateLimitMode
{
    /// <summary>Wait for a lease, bounded by <see cref="RequestOptions.RateLimitMaxWait"/> (or the limiter's MaxWait).</summary>
    Wait,

    /// <summary>Refuse at once with <see cref="ZenRateLimitedException"/> carrying RetryAfter.</summary>
    Reject,
}
