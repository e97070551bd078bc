namespace ZenWebsocket;

/// <summary>Settings of a <see cref="SubscriptionManager"/>.</summary>
public sealed record SubscriptionManagerOptions
{
    /// <summary>Gets how long a subscribe waits for its acknowledgement.</summary>
    /// <value>Default 10 seconds.</value>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets whether topics are restored as soon as the client reconnects. Adapters that must authenticate
    /// first turn it off and call <see cref="SubscriptionManager.RestoreAsync"/> when the session is ready.</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool AutoRestore { get; init; } = true;

    /// <summary>Gets how many topics go into one restore batch (the dialect may split further).</summary>
    /// <value>Default 50.</value>
    public int RestoreBatchSize { get; init; } = 50;

    /// <summary>Gets how many restore requests may await their acknowledgement at once.</summary>
    /// <value>Default 4.</value>
    public int RestoreConcurrency { get; init; } = 4;

    /// <summary>Gets the most subscribe messages sent per second on one connection while restoring (Binance allows 5
    /// messages per second per connection, pings included). A user's own subscribes are not paced here: put a
    /// <see cref="ZenRateLimiter"/> in front of them.</summary>
    /// <value>Default 4.</value>
    public double RestoreMessagesPerSecond { get; init; } = 4;

    /// <summary>Throws when a value is out of range, naming the option.</summary>
    public void Validate()
    {
        Guard.Positive(AckTimeout, "SubscriptionManagerOptions.AckTimeout");
        Guard.InRange(RestoreBatchSize, 1, 10_000, "SubscriptionManagerOptions.RestoreBatchSize");
        Guard.InRange(RestoreConcurrency, 1, 1_000, "SubscriptionManagerOptions.RestoreConcurrency");
        if (!(RestoreMessagesPerSecond > 0) || double.IsInfinity(RestoreMessagesPerSecond))
        {
            throw new ArgumentOutOfRangeException("SubscriptionManagerOptions.RestoreMessagesPerSecond", RestoreMessagesPerSecond, "SubscriptionManagerOptions.RestoreMessagesPerSecond must be a positive, finite rate.");
        }
    }
}
