using System.Globalization;
using System.Net.WebSockets;
using System.Text;

namespace ZenWebsocket.Cli.Output;

/// <summary>
/// Formats everything the tool prints, one line per event, each prefixed with a short local time and a marker:
/// <c>&lt;-</c> received, <c>-&gt;</c> sent, <c>**</c> state change, <c>==</c> narration. Errors go to the error
/// writer as one line starting with <c>zenws:</c>.
/// </summary>
/// <remarks>
/// State changes arrive on the client's event worker while messages arrive on the caller's loop, so every write
/// takes one lock: lines never interleave mid-line.
/// </remarks>
internal sealed class ConsoleReporter
{
    /// <summary>The marker of a received message.</summary>
    public const string ReceivedMarker = "<-";

    /// <summary>The marker of a sent message.</summary>
    public const string SentMarker = "->";

    /// <summary>The marker of a state change.</summary>
    public const string StateMarker = "**";

    /// <summary>The marker of a narration line.</summary>
    public const string InfoMarker = "==";

    private const int BinaryPreviewBytes = 32;

    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    public ConsoleReporter(TextWriter output, TextWriter error, TimeProvider time)
    {
        _output = output;
        _error = error;
        _time = time;
    }

    /// <summary>Prints a received message.</summary>
    public void Received(ZenMessage message) => Line(_time.GetLocalNow(), ReceivedMarker, FormatMessage(message));

    /// <summary>Prints a sent text message.</summary>
    public void Sent(string text) => Line(_time.GetLocalNow(), SentMarker, OneLine(text));

    /// <summary>Prints a state change at the time it happened.</summary>
    public void State(ConnectionStateChange change) =>
        Line(TimeZoneInfo.ConvertTime(change.Timestamp, _time.LocalTimeZone), StateMarker, FormatState(change));

    /// <summary>Prints a narration line.</summary>
    public void Info(string text) => Line(_time.GetLocalNow(), InfoMarker, OneLine(text));

    /// <summary>Prints a diagnostics summary, indented under a narration line.</summary>
    public void Diagnostics(ConnectionDiagnostics diagnostics)
    {
        var lines = FormatDiagnostics(diagnostics);
        lock (_lock)
        {
            foreach (var line in lines)
            {
                _output.WriteLine("             " + InfoMarker + "   " + line);
            }

            _output.Flush();
        }
    }

    /// <summary>Prints one error line on the error writer.</summary>
    public void Error(string text)
    {
        lock (_lock)
        {
            _error.WriteLine("zenws: " + string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
            _error.Flush();
        }
    }

    /// <summary>Formats a state change: transition, reason, attempt, next delay, close code, connection, error.</summary>
    public static string FormatState(ConnectionStateChange change)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{change.Previous} -> {change.Current} ({change.Reason}");
        if (change.Attempt > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", attempt {change.Attempt}");
        }

        if (change.NextDelay is { } delay)
        {
            text.Append(CultureInfo.InvariantCulture, $", next attempt in {delay.TotalMilliseconds:0} ms");
        }

        if (change.CloseStatus is { } status)
        {
            text.Append(CultureInfo.InvariantCulture, $", close {(int)status} {status}");
            if (!string.IsNullOrEmpty(change.CloseDescription))
            {
                text.Append(CultureInfo.InvariantCulture, $" '{change.CloseDescription}'");
            }
        }

        if (change.ConnectionId > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", connection #{change.ConnectionId}");
        }

        text.Append(')');
        if (change.Error is { } error)
        {
            text.Append(": ").Append(error.Message);
        }

        return OneLine(text.ToString());
    }

    /// <summary>Formats a message: text as is (line breaks escaped), binary as its size and a hex preview.</summary>
    public static string FormatMessage(ZenMessage message)
    {
        if (message.Type == WebSocketMessageType.Text)
        {
            return OneLine(message.Text);
        }

        var span = message.Data.Span;
        var preview = Convert.ToHexString(span[..Math.Min(span.Length, BinaryPreviewBytes)]);
        var more = span.Length > BinaryPreviewBytes ? "..." : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"<binary {span.Length} bytes> {preview}{more}");
    }

    /// <summary>Formats diagnostics as a few short lines.</summary>
    public static IReadOnlyList<string> FormatDiagnostics(ConnectionDiagnostics d)
    {
        var heartbeat = d.Heartbeat;
        var roundTrip = heartbeat.LastRoundTrip is { } rtt ? $"{rtt.TotalMilliseconds:0.0} ms" : "n/a";
        var sinceReceived = heartbeat.SinceLastReceived is { } since ? $"{since.TotalMilliseconds:0} ms ago" : "n/a";
        var lastDisconnect = d.LastDisconnect is { } last ? $"{last.Reason} on connection #{last.ConnectionId}" : "none";
        return
        [
            string.Create(CultureInfo.InvariantCulture, $"state {d.State}, connection #{d.ConnectionId}, uptime {d.Uptime.TotalSeconds:0.0} s"),
            string.Create(CultureInfo.InvariantCulture, $"reconnects {d.ReconnectCount}, last disconnect: {lastDisconnect}"),
            string.Create(CultureInfo.InvariantCulture, $"messages in {d.MessagesReceived} / out {d.MessagesSent}, bytes in {d.BytesReceived} / out {d.BytesSent}"),
            string.Create(CultureInfo.InvariantCulture, $"heartbeat {heartbeat.Strategy}: last data {sinceReceived}, round trip {roundTrip}, misses {heartbeat.TotalMisses}, timeouts {heartbeat.Timeouts}"),
            string.Create(CultureInfo.InvariantCulture, $"queues: receive {d.ReceiveQueueDepth}, send {d.SendQueueDepth}, dropped {d.DroppedMessages}"),
        ];
    }

    /// <summary>Keeps a text on one line: line breaks become visible escapes.</summary>
    public static string OneLine(string text) =>
        text.Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal);

    private void Line(DateTimeOffset at, string marker, string text)
    {
        var stamp = at.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        lock (_lock)
        {
            _output.WriteLine($"{stamp} {marker} {text}");
            _output.Flush();
        }
    }
}
