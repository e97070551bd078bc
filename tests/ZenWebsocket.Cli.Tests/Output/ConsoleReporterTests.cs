using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Cli.Output;

namespace ZenWebsocket.Cli.Tests.Output;

public class ConsoleReporterTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    [Fact]
    public void Reconnecting_state_shows_reason_attempt_next_delay_connection_and_error()
    {
        var change = new ConnectionStateChange(
            ConnectionState.Connected,
            ConnectionState.Reconnecting,
            StateChangeReason.TransportError,
            Attempt: 1,
            NextDelay: TimeSpan.FromMilliseconds(200),
            CloseStatus: null,
            CloseDescription: null,
            Error: new ZenTransportException(TransportFailure.ConnectionLost, "The connection was lost:\nreset"),
            Start,
            ConnectionId: 3);

        Assert.Equal(
            "Connected -> Reconnecting (TransportError, attempt 1, next attempt in 200 ms, connection #3): The connection was lost:\\nreset",
            ConsoleReporter.FormatState(change));
    }

    [Fact]
    public void Close_status_and_description_are_shown()
    {
        var change = new ConnectionStateChange(
            ConnectionState.Connected, ConnectionState.Disconnected, StateChangeReason.ClosedByServer, 0, null,
            WebSocketCloseStatus.PolicyViolation, "bye", null, Start, 1);

        Assert.Equal("Connected -> Disconnected (ClosedByServer, close 1008 PolicyViolation 'bye', connection #1)", ConsoleReporter.FormatState(change));
    }

    [Fact]
    public void Every_line_has_time_and_marker()
    {
        var time = new FakeTimeProvider(Start);
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var reporter = new ConsoleReporter(output, error, time);

        reporter.Sent("hello");
        reporter.Received(new ZenMessage(WebSocketMessageType.Text, Encoding.UTF8.GetBytes("a\nb"), 1, 0));
        reporter.Received(new ZenMessage(WebSocketMessageType.Binary, new byte[] { 1, 2, 255 }, 1, 0));
        reporter.Info("note");
        reporter.Error("first line\nsecond line");

        Assert.Equal(
            [
                "03:04:05.678 -> hello",
                "03:04:05.678 <- a\\nb",
                "03:04:05.678 <- <binary 3 bytes> 0102FF",
                "03:04:05.678 == note",
            ],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("zenws: first line second line" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public void State_line_uses_the_time_of_the_change()
    {
        var time = new FakeTimeProvider(Start.AddHours(1));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        using var output = new StringWriter();
        var reporter = new ConsoleReporter(output, TextWriter.Null, time);

        reporter.State(new ConnectionStateChange(ConnectionState.Disconnected, ConnectionState.Connecting, StateChangeReason.UserRequested, 1, null, null, null, null, Start, 0));

        Assert.Equal("03:04:05.678 ** Disconnected -> Connecting (UserRequested, attempt 1)" + Environment.NewLine, output.ToString());
    }
}
