namespace ZenWebsocket;

/// <summary>One limiter that applies to requests, and what each method costs on it.</summary>
/// <param name="Limiter">The bucket; it may be shared with other rules and composites (per connection, per account, per IP).</param>
/// <param name="Cost">The cost of each method on <paramref name="Limiter"/>; 0 means the limiter does not apply.</param>
public sealed record RateLimitRule(ZenRateLimiter Limiter, IRequestCost Cost);
