using System.Buffers.Binary;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ZenWebsocket;

/// <summary>
/// The line format, one JSON object per line:
/// <c>{"seq":N,"mono":ticks,"ts":"ISO-8601 UTC","dir":"in|out","conn":id,"attempt":n,"type":"text|binary|ping|pong|close","data":"..."}</c>
/// plus <c>"code"</c> and <c>"reason"</c> for a close frame that carries a code. Text data is the (redacted) text;
/// every other kind is base64. <c>mono</c> is in 100 ns ticks of a monotonic clock since the recorder started.
/// </summary>
internal static class RecordingFormat
{
    // Relaxed escaping keeps recorded JSON readable; a recording is a file, never embedded in HTML.
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(
        Utf8JsonWriter json,
        long sequence,
        TimeSpan elapsed,
        in RecorderEntry entry,
        ReadOnlySpan<byte> payload,
        Func<string, string>? redactor)
    {
        json.WriteStartObject();
        json.WriteNumber("seq"u8, sequence);
        json.WriteNumber("mono"u8, elapsed.Ticks);
        json.WriteString("ts"u8, entry.WallClock.UtcDateTime);
        json.WriteString("dir"u8, entry.Direction == FrameDirection.Inbound ? "in"u8 : "out"u8);
        json.WriteNumber("conn"u8, entry.ConnectionId);
        json.WriteNumber("attempt"u8, entry.Attempt);
        json.WriteString("type"u8, KindName(entry.Kind));
        if (entry.Kind == FrameKind.Text)
        {
            var text = Encoding.UTF8.GetString(payload);
            json.WriteString("data"u8, redactor is null ? text : redactor(text));
        }
        else
        {
            json.WriteBase64String("data"u8, payload);
        }

        if (entry.Kind == FrameKind.Close && payload.Length >= 2)
        {
            json.WriteNumber("code"u8, BinaryPrimitives.ReadUInt16BigEndian(payload));
            json.WriteString("reason"u8, Encoding.UTF8.GetString(payload[2..]));
        }

        json.WriteEndObject();
    }

    public static bool TryParse(string line, out RecordedFrame frame)
    {
        frame = null!;
        if (string.IsNullOrWhiteSpace(line))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !TryDirection(root, out var direction)
                || !TryKind(root, out var kind)
                || !root.TryGetProperty("ts"u8, out var ts)
                || !ts.TryGetDateTimeOffset(out var timestamp))
            {
                return false;
            }

            var data = root.TryGetProperty("data"u8, out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : string.Empty;
            frame = new RecordedFrame(
                Int64(root, "seq"u8),
                TimeSpan.FromTicks(Int64(root, "mono"u8)),
                timestamp.ToUniversalTime(),
                direction,
                Int64(root, "conn"u8),
                (int)Int64(root, "attempt"u8),
                kind,
                data,
                root.TryGetProperty("code"u8, out var code) && code.TryGetInt32(out var c) ? c : null,
                root.TryGetProperty("reason"u8, out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>The wait before <paramref name="next"/> when replaying with the original pacing.</summary>
    /// <remarks>Within one recorder's run the monotonic clock is exact; across runs appended to one file (where
    /// <c>seq</c> and <c>mono</c> start again) only the wall clock relates the two, and a backwards jump waits nothing.</remarks>
    public static TimeSpan Gap(RecordedFrame previous, RecordedFrame next)
    {
        var sameRun = next.Sequence > previous.Sequence && next.Elapsed >= previous.Elapsed && (next.Elapsed > TimeSpan.Zero || previous.Elapsed > TimeSpan.Zero);
        var gap = sameRun ? next.Elapsed - previous.Elapsed : next.Timestamp - previous.Timestamp;
        return gap > TimeSpan.Zero ? gap : TimeSpan.Zero;
    }

    public static ReadOnlySpan<byte> KindName(FrameKind kind) => kind switch
    {
        FrameKind.Text => "text"u8,
        FrameKind.Binary => "binary"u8,
        FrameKind.Ping => "ping"u8,
        FrameKind.Pong => "pong"u8,
        _ => "close"u8,
    };

    private static bool TryDirection(JsonElement root, out FrameDirection direction)
    {
        direction = default;
        if (!root.TryGetProperty("dir"u8, out var dir) || dir.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        if (dir.ValueEquals("in"u8))
        {
            direction = FrameDirection.Inbound;
            return true;
        }

        direction = FrameDirection.Outbound;
        return dir.ValueEquals("out"u8);
    }

    private static bool TryKind(JsonElement root, out FrameKind kind)
    {
        kind = default;
        if (!root.TryGetProperty("type"u8, out var type) || type.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        foreach (var candidate in (ReadOnlySpan<FrameKind>)[FrameKind.Text, FrameKind.Binary, FrameKind.Ping, FrameKind.Pong, FrameKind.Close])
        {
            if (type.ValueEquals(KindName(candidate)))
            {
                kind = candidate;
                return true;
            }
        }

        return false;
    }

    private static long Int64(JsonElement root, ReadOnlySpan<byte> name) =>
        root.TryGetProperty(name, out var value) && value.TryGetInt64(out var number) ? number : 0;
}
