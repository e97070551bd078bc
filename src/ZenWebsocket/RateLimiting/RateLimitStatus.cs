namespace ZenWebsocket;

/// <summary>A point-in-time view of a <see cref="ZenRateLimiter"/>, read on the limiter's clock.</summary>
/// <param name="Name">The limiter's <see cref="RateLimitOptions.Name"/>.</param>
/// <param name="TokensAvailable">Tokens in the bucket now (0 while blocked by a penalty).</param>
/// <param name="Capacity">The most tokens the bucket holds.</param>
/// <param name="Waiters">Callers queued in wait mode.</param>
/// <param name="TimeToNextToken">Time until the next refill adds tokens; <see cref="TimeSpan.Zero"/> when the bucket is full.</param>
/// <param name="BlockedFor">Time left on an exchange penalty; <see cref="TimeSpan.Zero"/> when not blocked.</param>
public sealed record RateLimitStatus(string Name, int TokensAvailable, int Capacity, int Waiters, TimeSpan TimeToNextToken, TimeSpan BlockedFor);
