namespace ZenWebsocket.Binance;

/// <summary>The local copies of Binance's limits (B.8) a <see cref="BinanceApiClient"/> passes every request through,
/// so it waits (or refuses) locally instead of running into 429 and, worse, a 418 ban.</summary>
public sealed class BinanceApiRateLimits
{
    /// <summary>Gets or sets the request weight per calendar minute (per IP, shared with REST).</summary>
    /// <value>Default 6,000.</value>
    public int RequestWeightPerMinute { get; set; } = 6_000;

    /// <summary>Gets or sets the orders per 10-second window (per account).</summary>
    /// <value>Default 50.</value>
    public int OrdersPer10Seconds { get; set; } = 50;

    /// <summary>Gets or sets the orders per UTC day (per account).</summary>
    /// <value>Default 160,000.</value>
    public int OrdersPerDay { get; set; } = 160_000;

    /// <summary>Throws when a value is out of range, naming the option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is not positive.</exception>
    public void Validate()
    {
        if (RequestWeightPerMinute < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RequestWeightPerMinute), RequestWeightPerMinute, "BinanceApiRateLimits.RequestWeightPerMinute must be at least 1.");
        }

        if (OrdersPer10Seconds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(OrdersPer10Seconds), OrdersPer10Seconds, "BinanceApiRateLimits.OrdersPer10Seconds must be at least 1.");
        }

        if (OrdersPerDay < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(OrdersPerDay), OrdersPerDay, "BinanceApiRateLimits.OrdersPerDay must be at least 1.");
        }
    }

    /// <summary>Builds the three calendar-aligned buckets (<see cref="BinanceWeights"/>) as one composite that owns them.</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The limiter.</returns>
    public CompositeRateLimiter CreateLimiter(TimeProvider timeProvider)
    {
        var weight = new ZenRateLimiter(BinanceWeights.RequestWeightLimit(RequestWeightPerMinute), timeProvider);
        var orders10s = new ZenRateLimiter(BinanceWeights.OrdersPer10SecondsLimit(OrdersPer10Seconds), timeProvider);
        var orders1d = new ZenRateLimiter(BinanceWeights.OrdersPerDayLimit(OrdersPerDay), timeProvider);
        return new CompositeRateLimiter(
            [new(weight, BinanceWeights.RequestWeight), new(orders10s, BinanceWeights.OrderCount), new(orders1d, BinanceWeights.OrderCount)],
            ownsLimiters: true);
    }
}
