namespace ZenWebsocket;

/// <summary>
/// The shape of one token bucket for a <see cref="ZenRateLimiter"/>: how many tokens it holds, how fast they come back,
/// and how long callers may queue for them.
/// </summary>
/// <remarks>
/// Refills are discrete: every <see cref="RefillPeriod"/> the bucket gains <see cref="RefillAmount"/> tokens, up to
/// <see cref="Capacity"/>. So at most <c>Capacity + RefillAmount × (periods elapsed)</c> tokens are granted in any
/// window. Make <see cref="RefillAmount"/> equal to <see cref="Capacity"/> and set <see cref="AlignRefillToUtc"/> to
/// emulate a fixed calendar window (Binance), or use a small amount and a short period to emulate a leaky bucket
/// (Deribit credits).
/// </remarks>
public sealed record RateLimitOptions
{
    /// <summary>Gets the name used in telemetry, in errors and in <see cref="RateLimitStatus"/>.</summary>
    /// <value>Default <c>"default"</c>. Must not be empty. Keep it a fixed label (it is a metric tag), never an id.</value>
    public string Name { get; init; } = "default";

    /// <summary>Gets the most tokens the bucket holds; a full bucket is the largest burst.</summary>
    /// <value>Default 100. Must be at least 1. The bucket starts full.</value>
    public int Capacity { get; init; } = 100;

    /// <summary>Gets how many tokens each refill adds.</summary>
    /// <value>Default 10. Must be between 1 and <see cref="Capacity"/>.</value>
    public int RefillAmount { get; init; } = 10;

    /// <summary>Gets the time between refills.</summary>
    /// <value>Default 1 second. Must be positive and finite.</value>
    public TimeSpan RefillPeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the most callers that may queue in wait mode; one more is rejected at once.</summary>
    /// <value>Default 1,024. Must be at least 0; 0 means wait mode never queues and behaves like reject mode.</value>
    public int QueueLimit { get; init; } = 1_024;

    /// <summary>Gets how long wait mode waits for tokens when the call site does not say.</summary>
    /// <value>Default 10 seconds. Must be zero or positive and finite.</value>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets whether refills fall on multiples of <see cref="RefillPeriod"/> since the Unix epoch on the provider's UTC
    /// clock (so a 1-minute period refills at :00 of every minute, a 1-day period at 00:00 UTC), instead of on
    /// multiples of the period since the limiter was created.
    /// </summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool AlignRefillToUtc { get; init; }

    /// <summary>Throws when a value is out of range, naming the option.</summary>
    /// <exception cref="ArgumentException"><see cref="Name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its allowed range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("RateLimitOptions.Name must not be empty.", "RateLimitOptions.Name");
        }

        Guard.InRange(Capacity, 1, int.MaxValue, "RateLimitOptions.Capacity");
        Guard.InRange(RefillAmount, 1, Capacity, "RateLimitOptions.RefillAmount");
        Guard.Positive(RefillPeriod, "RateLimitOptions.RefillPeriod");
        Guard.InRange(QueueLimit, 0, int.MaxValue, "RateLimitOptions.QueueLimit");
        if (MaxWait < TimeSpan.Zero || MaxWait == Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException("RateLimitOptions.MaxWait", MaxWait, "RateLimitOptions.MaxWait must be zero or a positive, finite duration.");
        }
    }
}
