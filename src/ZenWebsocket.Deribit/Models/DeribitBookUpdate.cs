namespace ZenWebsocket.Deribit;

/// <summary>A <c>book.{instrument}.{interval}</c> notification: a snapshot, then changes chained by
/// <see cref="PrevChangeId"/> (A.6.1).</summary>
public sealed record DeribitBookUpdate
{
    /// <summary>Gets the type (<c>snapshot</c> or <c>change</c>); <see langword="null"/> for a grouped book.</summary>
    public string? Type { get; init; }

    /// <summary>Gets the time in milliseconds since the Unix epoch.</summary>
    public long Timestamp { get; init; }

    /// <summary>Gets the instrument name.</summary>
    public string InstrumentName { get; init; } = "";

    /// <summary>Gets this update's change id.</summary>
    public long ChangeId { get; init; }

    /// <summary>Gets the previous update's change id; <see langword="null"/> on the first message (the snapshot).</summary>
    public long? PrevChangeId { get; init; }

    /// <summary>Gets the bid changes.</summary>
    public IReadOnlyList<DeribitBookEntry> Bids { get; init; } = [];

    /// <summary>Gets the ask changes.</summary>
    public IReadOnlyList<DeribitBookEntry> Asks { get; init; } = [];

    /// <summary>Gets whether this is a snapshot (the type says so, or it has no previous change id).</summary>
    public bool IsSnapshot => Type == "snapshot" || PrevChangeId is null;
}
