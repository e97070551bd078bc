namespace ZenWebsocket;

/// <summary>One item for the recorder's writer: a frame (its payload in a pooled buffer) or a flush request.</summary>
internal readonly record struct RecorderEntry(
    FrameDirection Direction,
    FrameKind Kind,
    long ConnectionId,
    int Attempt,
    long Timestamp,
    DateTimeOffset WallClock,
    byte[]? Buffer,
    int Length,
    TaskCompletionSource? FlushDone)
{
    public bool IsFlush => Buffer is null;

    public static RecorderEntry Flush(TaskCompletionSource? done) => new(default, default, 0, 0, 0, default, null, 0, done);
}
