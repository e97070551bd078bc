using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace ZenWebsocket.Testing;

/// <summary>One entry of a ZenWebsocket session recording, as far as playback needs it.</summary>
internal readonly record struct RecordedLine(long Sequence, TimeSpan Elapsed, DateTimeOffset Timestamp, bool Inbound, long ConnectionId, string Type, string Data);

/// <summary>
/// Reads the JSON Lines recordings written by ZenWebsocket's <c>SessionRecorder</c>. A copy of the format on
/// purpose: the test kit does not reference the client it tests, so it cannot share a bug with it. Blank and invalid
/// lines are skipped, as the client's reader does.
/// </summary>
internal static class RecordingLineReader
{
    public static async IAsyncEnumerable<RecordedLine> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous);
        using var reader = new StreamReader(file, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            if (TryParse(text, out var line))
            {
                yield return line;
            }
        }
    }

    /// <summary>
    /// The recorded gap between two entries: the monotonic clock within one recorder's run (<c>seq</c> rising),
    /// the wall clock across runs appended to the same file; never negative.
    /// </summary>
    public static TimeSpan Gap(in RecordedLine previous, in RecordedLine next)
    {
        var sameRun = next.Sequence > previous.Sequence && next.Elapsed >= previous.Elapsed && (next.Elapsed > TimeSpan.Zero || previous.Elapsed > TimeSpan.Zero);
        var gap = sameRun ? next.Elapsed - previous.Elapsed : next.Timestamp - previous.Timestamp;
        return gap > TimeSpan.Zero ? gap : TimeSpan.Zero;
    }

    private static bool TryParse(string text, out RecordedLine line)
    {
        line = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("dir", out var dir) || dir.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("ts", out var ts) || !ts.TryGetDateTimeOffset(out var timestamp))
            {
                return false;
            }

            var direction = dir.GetString();
            if (direction is not ("in" or "out"))
            {
                return false;
            }

            var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : string.Empty;
            line = new RecordedLine(Int64(root, "seq"), TimeSpan.FromTicks(Int64(root, "mono")), timestamp, direction == "in", Int64(root, "conn"), type.GetString()!, data);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static long Int64(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.TryGetInt64(out var number) ? number : 0;
}
