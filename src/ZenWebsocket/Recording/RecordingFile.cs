using System.Runtime.CompilerServices;
using System.Text;

namespace ZenWebsocket;

/// <summary>
/// Reads recordings made by <see cref="SessionRecorder"/>: one JSON object per line,
/// <c>{"seq":1,"mono":0,"ts":"2026-01-20T15:30:45.1234567Z","dir":"out","conn":1,"attempt":1,"type":"text","data":"..."}</c>.
/// <c>seq</c> and <c>mono</c> (monotonic 100 ns ticks) count from the start of each recorder's run, so they start
/// again where a later run was appended; <c>ts</c> is the wall clock (UTC); <c>data</c> is the text for text
/// entries and base64 for binary, ping, pong and close; a close that carries a status adds <c>"code"</c> and
/// <c>"reason"</c>. Blank and invalid lines are skipped and counted, never fatal.
/// </summary>
public static class RecordingFile
{
    /// <summary>Reads the entries of a recording in file order.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The entries.</returns>
    public static IAsyncEnumerable<RecordedFrame> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        ReadAsync(path, new RecordingReadStats(), cancellationToken);

    /// <summary>Reads the entries of a recording in file order, counting what it returns and skips.</summary>
    /// <param name="path">The file.</param>
    /// <param name="stats">Updated as the file is read.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The entries.</returns>
    public static IAsyncEnumerable<RecordedFrame> ReadAsync(string path, RecordingReadStats stats, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(stats);
        return ReadCoreAsync(path, stats, cancellationToken);
    }

    /// <summary>Hands every entry of a recording to <paramref name="onFrame"/>, in order, one at a time.</summary>
    /// <param name="path">The file.</param>
    /// <param name="onFrame">Called for each entry; the next one waits for it.</param>
    /// <param name="pacing">Without waiting (default), or with the recorded gaps.</param>
    /// <param name="timeProvider">The clock the gaps are waited on; default <see cref="TimeProvider.System"/>.</param>
    /// <param name="cancellationToken">Stops the replay.</param>
    /// <returns>What was read and skipped.</returns>
    public static async Task<RecordingReadStats> ReplayAsync(
        string path,
        Func<RecordedFrame, ValueTask> onFrame,
        ReplayPacing pacing = ReplayPacing.AsFastAsPossible,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onFrame);
        var time = timeProvider ?? TimeProvider.System;
        var stats = new RecordingReadStats();
        RecordedFrame? previous = null;
        await foreach (var frame in ReadAsync(path, stats, cancellationToken).ConfigureAwait(false))
        {
            if (pacing == ReplayPacing.Original && previous is not null && RecordingFormat.Gap(previous, frame) is var gap && gap > TimeSpan.Zero)
            {
                await Task.Delay(gap, time, cancellationToken).ConfigureAwait(false);
            }

            await onFrame(frame).ConfigureAwait(false);
            previous = frame;
        }

        return stats;
    }

    /// <summary>Summarises a recording: counts by direction and kind, time span, connections and reconnects.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The summary.</returns>
    public static async Task<RecordingMetadata> GetMetadataAsync(string path, CancellationToken cancellationToken = default)
    {
        var stats = new RecordingReadStats();
        var inbound = Enum.GetValues<FrameKind>().ToDictionary(k => k, _ => 0L);
        var outbound = Enum.GetValues<FrameKind>().ToDictionary(k => k, _ => 0L);
        var connections = new List<long>();
        var seen = new HashSet<long>();
        RecordedFrame? first = null;
        RecordedFrame? last = null;
        await foreach (var frame in ReadAsync(path, stats, cancellationToken).ConfigureAwait(false))
        {
            first ??= frame;
            last = frame;
            (frame.Direction == FrameDirection.Inbound ? inbound : outbound)[frame.Kind]++;
            if (seen.Add(frame.ConnectionId))
            {
                connections.Add(frame.ConnectionId);
            }
        }

        var duration = first is null ? TimeSpan.Zero : last!.Timestamp - first.Timestamp;
        return new RecordingMetadata(
            stats.Entries,
            inbound.Values.Sum(),
            outbound.Values.Sum(),
            inbound,
            outbound,
            first?.Timestamp,
            last?.Timestamp,
            duration > TimeSpan.Zero ? duration : TimeSpan.Zero,
            connections,
            Math.Max(0, connections.Count - 1),
            stats.SkippedLines);
    }

    private static async IAsyncEnumerable<RecordedFrame> ReadCoreAsync(string path, RecordingReadStats stats, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // ReadWrite sharing: a recorder may still have the file open and be appending to it.
        var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = 64 * 1024,
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
        });
        using var reader = new StreamReader(file, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (RecordingFormat.TryParse(line, out var frame))
            {
                stats.Entries++;
                yield return frame;
            }
            else
            {
                stats.SkippedLines++;
            }
        }
    }
}
