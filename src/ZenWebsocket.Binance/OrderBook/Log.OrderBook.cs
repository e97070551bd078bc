using Microsoft.Extensions.Logging;

namespace ZenWebsocket.Binance;

/// <summary>The order-book keeper's log messages (62xx).</summary>
internal static partial class Log
{
    [LoggerMessage(6200, LogLevel.Information, "Book {Symbol}: synchronized at update id {UpdateId} (snapshot {SnapshotId}, {Applied} buffered event(s) applied)")]
    public static partial void BookSynced(ILogger logger, string symbol, long updateId, long snapshotId, int applied);

    [LoggerMessage(6201, LogLevel.Warning, "Book {Symbol}: gap ({Reason}); resynchronizing")]
    public static partial void BookGap(ILogger logger, string symbol, string reason);

    [LoggerMessage(6202, LogLevel.Debug, "Book {Symbol}: snapshot {SnapshotId} is older than the first buffered event (U {FirstUpdateId}); refetching (attempt {Attempt})")]
    public static partial void BookSnapshotTooOld(ILogger logger, string symbol, long snapshotId, long firstUpdateId, int attempt);

    [LoggerMessage(6203, LogLevel.Warning, "Book {Symbol}: snapshot fetch failed (attempt {Attempt}): {Error}")]
    public static partial void BookSnapshotFailed(ILogger logger, string symbol, int attempt, string error);

    [LoggerMessage(6204, LogLevel.Warning, "Book {Symbol}: no event for {Silence}; stale")]
    public static partial void BookStale(ILogger logger, string symbol, TimeSpan silence);

    [LoggerMessage(6205, LogLevel.Error, "Book {Symbol}: tracking failed: {Reason}")]
    public static partial void BookFailed(ILogger logger, string symbol, string reason);

    [LoggerMessage(6206, LogLevel.Warning, "Book {Symbol}: an event could not be read ({Error}); resynchronizing")]
    public static partial void BookUnreadable(ILogger logger, string symbol, string error);

    [LoggerMessage(6207, LogLevel.Warning, "Book {Symbol}: {Count} events waited for a snapshot; dropping them and starting over")]
    public static partial void BookBufferFull(ILogger logger, string symbol, int count);
}
