namespace ZenWebsocket;

/// <summary>Per-subscriber settings.</summary>
public sealed record SubscribeOptions
{
    /// <summary>Gets the default settings.</summary>
    public static SubscribeOptions Default { get; } = new();

    /// <summary>Gets how many items may wait for this subscriber.</summary>
    /// <value>Default 10,000. Between 1 and 10,000,000.</value>
    public int Capacity { get; init; } = 10_000;

    /// <summary>Gets what happens when this subscriber's queue is full.</summary>
    /// <value>Default <see cref="SubscriberFullMode.DropOldest"/>.</value>
    public SubscriberFullMode FullMode { get; init; } = SubscriberFullMode.DropOldest;

    /// <summary>Throws when a value is out of range, naming the option.</summary>
    public void Validate()
    {
        Guard.InRange(Capacity, 1, 10_000_000, "SubscribeOptions.Capacity");
        if (!Enum.IsDefined(FullMode))
        {
            throw new ArgumentOutOfRangeException("SubscribeOptions.FullMode", FullMode, "SubscribeOptions.FullMode must be DropOldest or DropNewest.");
        }
    }
}
