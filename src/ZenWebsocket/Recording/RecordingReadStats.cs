namespace ZenWebsocket;

/// <summary>Counts kept while a recording is read: entries returned and lines skipped.</summary>
public sealed class RecordingReadStats
{
    /// <summary>Gets how many entries were read.</summary>
    public long Entries { get; internal set; }

    /// <summary>Gets how many lines were skipped because they were blank or not a valid entry (e.g. a line cut short
    /// by a crash, or written by hand with a typo).</summary>
    public long SkippedLines { get; internal set; }
}
