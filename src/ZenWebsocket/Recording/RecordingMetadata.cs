namespace ZenWebsocket;

/// <summary>A summary of a recording, from <see cref="RecordingFile.GetMetadataAsync"/>.</summary>
/// <param name="Entries">How many entries it holds.</param>
/// <param name="Inbound">Entries from the server.</param>
/// <param name="Outbound">Entries to the server.</param>
/// <param name="InboundByKind">Inbound entries per kind (every kind present, zero included).</param>
/// <param name="OutboundByKind">Outbound entries per kind (every kind present, zero included).</param>
/// <param name="FirstTimestamp">The wall-clock time of the first entry, or <see langword="null"/> when empty.</param>
/// <param name="LastTimestamp">The wall-clock time of the last entry, or <see langword="null"/> when empty.</param>
/// <param name="Duration">From the first entry to the last (zero when empty or when the clock went backwards).</param>
/// <param name="Connections">The distinct connection ids seen, in order of first appearance.</param>
/// <param name="Reconnects">Distinct connection ids minus one (zero when none).</param>
/// <param name="SkippedLines">Lines skipped because they were blank or invalid.</param>
public sealed record RecordingMetadata(
    long Entries,
    long Inbound,
    long Outbound,
    IReadOnlyDictionary<FrameKind, long> InboundByKind,
    IReadOnlyDictionary<FrameKind, long> OutboundByKind,
    DateTimeOffset? FirstTimestamp,
    DateTimeOffset? LastTimestamp,
    TimeSpan Duration,
    IReadOnlyList<long> Connections,
    int Reconnects,
    long SkippedLines)
{
    /// <summary>Returns how many entries of one kind there are, both directions together.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The count.</returns>
    public long Count(FrameKind kind) =>
        InboundByKind.GetValueOrDefault(kind) + OutboundByKind.GetValueOrDefault(kind);
}
