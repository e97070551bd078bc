namespace ZenWebsocket;

/// <summary>Settings of a <see cref="RequestCorrelator"/>.</summary>
public sealed record RequestCorrelatorOptions
{
    /// <summary>Gets the request and response shapes.</summary>
    /// <value>Default <see cref="JsonRpcDialect.Instance"/>.</value>
    public IRpcDialect Dialect { get; init; } = JsonRpcDialect.Instance;

    /// <summary>Gets the default time to wait for a response, counted from the write.</summary>
    /// <value>Default 30 seconds.</value>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets how many unmatched responses are kept for <see cref="RequestCorrelator.ReadUnmatchedAsync"/> (oldest dropped).</summary>
    /// <value>Default 1,024.</value>
    public int UnmatchedCapacity { get; init; } = 1024;

    /// <summary>Gets how many timed-out ids are remembered per connection so their late responses are dropped.</summary>
    /// <value>Default 10,000.</value>
    public int TimedOutIdMemory { get; init; } = 10_000;

    /// <summary>Gets the first generated id.</summary>
    /// <value>Default 1.</value>
    public long FirstId { get; init; } = 1;

    /// <summary>Gets the local rate limits every request passes before it is written (per connection and per account
    /// limits can be combined). An exchange error mapped to <see cref="ZenRateLimitedException"/> with a RetryAfter
    /// penalizes the limits that charge the method, so the local side backs off as the exchange asked.</summary>
    /// <value>Default <see langword="null"/>: no local limit.</value>
    public CompositeRateLimiter? RateLimiter { get; init; }

    /// <summary>Gets the window of the request round-trip statistics.</summary>
    /// <value>Default <see cref="LatencyStatisticsOptions"/> with kind <c>request</c>.</value>
    public LatencyStatisticsOptions Latency { get; init; } = new() { Kind = "request" };

    /// <summary>Gets the mapping of an exchange error to an exception (adapters map auth and rate-limit codes).</summary>
    /// <value>Default <see langword="null"/>: <see cref="ZenExchangeException"/>.</value>
    public Func<RpcError, ZenWebSocketException>? ErrorMapper { get; init; }

    /// <summary>Throws when a value is out of range, naming the option.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Dialect, "RequestCorrelatorOptions.Dialect");
        Guard.Positive(RequestTimeout, "RequestCorrelatorOptions.RequestTimeout");
        Guard.InRange(UnmatchedCapacity, 1, 1_000_000, "RequestCorrelatorOptions.UnmatchedCapacity");
        Guard.InRange(TimedOutIdMemory, 1, 10_000_000, "RequestCorrelatorOptions.TimedOutIdMemory");
        ArgumentNullException.ThrowIfNull(Latency, "RequestCorrelatorOptions.Latency");
        Latency.Validate();
    }
}
