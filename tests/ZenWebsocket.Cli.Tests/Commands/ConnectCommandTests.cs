using System.Net.WebSockets;
using ZenWebsocket.Cli.Commands;
using ZenWebsocket.Cli.Tests.Support;
using ZenWebsocket.Testing;

namespace ZenWebsocket.Cli.Tests.Commands;

public class ConnectCommandTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sends_and_prints_the_echo_until_the_duration_elapses_then_closes_cleanly()
    {
        await using var server = await MockWebSocketServer.StartAsync(new MockServerOptions());

        var run = await CliRun.InvokeAsync("connect", server.Url.ToString(), "--send", "hello", "--send", "world", "--duration", "1");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Empty(run.Error);
        var lines = run.OutputLines;
        Assert.Contains(lines, l => l.Contains("** Connecting -> Connected", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("-> hello", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("<- hello", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("<- world", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("** Connected -> Closed (UserRequested, close 1000", StringComparison.Ordinal));
        var connection = await server.WaitForConnectionAsync(1, Bound);
        await connection.Closed.WaitAsync(Bound, TimeProvider.System);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, connection.ClientCloseStatus);
    }

    [Fact]
    public async Task Runs_until_the_server_closes_when_reconnection_is_off()
    {
        await using var server = await MockWebSocketServer.StartAsync(new MockServerOptions
        {
            Handler = async (connection, frame) =>
            {
                await connection.SendTextAsync("echo: " + frame.Text);
                await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye");
            },
        });

        var run = await CliRun.InvokeAsync("connect", server.Url.ToString(), "--send", "hello", "--no-reconnect");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Empty(run.Error);
        Assert.Contains(run.OutputLines, l => l.EndsWith("<- echo: hello", StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, l => l.Contains("-> Disconnected (ClosedByServer, close 1000 NormalClosure 'bye'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sends_headers_and_the_chosen_heartbeat()
    {
        await using var server = await MockWebSocketServer.StartAsync(new MockServerOptions
        {
            Handler = (connection, _) => connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "seen"),
        });

        var run = await CliRun.InvokeAsync(
            "connect", server.Url.ToString(), "--send", "x", "--no-reconnect",
            "--header", "X-Api-Key=abc=", "-H", "X-Other=2", "--heartbeat", "pingpong", "--heartbeat-interval", "0.5");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var connection = await server.WaitForConnectionAsync(1, Bound);
        Assert.Equal("abc=", connection.RequestHeaders["X-Api-Key"]);
        Assert.Equal("2", connection.RequestHeaders["X-Other"]);
    }

    [Fact]
    public async Task App_heartbeat_pings_and_consumes_the_pongs()
    {
        await using var server = await MockWebSocketServer.StartAsync(new MockServerOptions());

        var run = await CliRun.InvokeAsync("connect", server.Url.ToString(), "--heartbeat", "app", "--heartbeat-interval", "0.2", "--duration", "1");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains(server.Received, frame => frame.Text == "ping");
        Assert.DoesNotContain(run.OutputLines, l => l.EndsWith("<- pong", StringComparison.Ordinal));
        Assert.DoesNotContain("HeartbeatTimeout", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_host_exits_1_with_the_explanation()
    {
        var run = await CliRun.InvokeAsync("connect", "ws://127.0.0.1:1/ws");

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.Equal(
            "zenws: could not connect to ws://127.0.0.1:1/ws: " + new ZenTransportException(TransportFailure.ConnectionRefused, "x").Explain(),
            line);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Contains(run.OutputLines, l => l.Contains("-> Disconnected (ConnectFailed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refused_handshake_exits_1_with_the_explanation()
    {
        await using var server = await MockWebSocketServer.StartAsync(new MockServerOptions { Path = "/other" });

        var run = await CliRun.InvokeAsync("connect", new Uri(server.Url, "/ws").ToString());

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("The server answered the handshake with 404", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Self_signed_server_needs_insecure()
    {
        await using var server = await MockWebSocketServer.StartAsync(new MockServerOptions { UseTls = true });

        var refused = await CliRun.InvokeAsync("connect", server.Url.ToString(), "--no-reconnect");
        var accepted = await CliRun.InvokeAsync("connect", server.Url.ToString(), "--insecure", "--send", "tls", "--duration", "0.5");

        Assert.True(refused.ExitCode == ExitCodes.Failed, refused.ToString());
        Assert.Contains("TLS handshake failed", Assert.Single(refused.ErrorLines), StringComparison.Ordinal);
        Assert.True(accepted.ExitCode == ExitCodes.Ok, accepted.ToString());
        Assert.Contains(accepted.OutputLines, l => l.EndsWith("<- tls", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancellation_closes_cleanly_and_exits_0()
    {
        await using var server = await MockWebSocketServer.StartAsync(new MockServerOptions());
        var output = new LineSignalWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var settings = ConnectSettings.For(server.Url) with { Sends = ["hello"] };

        var run = ConnectCommand.RunAsync(settings, TimeProvider.System, output, error, stop.Token);
        await output.WaitForLineAsync(l => l.EndsWith("<- hello", StringComparison.Ordinal), Bound);
        await stop.CancelAsync();
        var exit = await run.WaitAsync(Bound, TimeProvider.System);

        Assert.True(exit == ExitCodes.Ok, output + error.ToString());
        Assert.Contains("interrupted; closing", output.ToString(), StringComparison.Ordinal);
        var connection = await server.WaitForConnectionAsync(1, Bound);
        await connection.Closed.WaitAsync(Bound, TimeProvider.System);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, connection.ClientCloseStatus);
    }

    [Fact]
    public async Task Server_drop_is_reported_and_the_client_reconnects()
    {
        await using var server = await MockWebSocketServer.StartAsync(new MockServerOptions());
        var output = new LineSignalWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();

        var run = ConnectCommand.RunAsync(ConnectSettings.For(server.Url), TimeProvider.System, output, error, stop.Token);

        // Abort only once the client has seen the upgrade complete: earlier, it is a failed first connect instead.
        await output.WaitForLineAsync(l => l.Contains("-> Connected", StringComparison.Ordinal), Bound);
        await server.DisconnectAllAsync(DisconnectMode.Abort);
        await output.WaitForLineAsync(l => l.Contains("** Connected -> Reconnecting (TransportError", StringComparison.Ordinal), Bound);
        await server.WaitForConnectionAsync(2, Bound);
        await server.InjectAsync("after the drop");
        await output.WaitForLineAsync(l => l.EndsWith("<- after the drop", StringComparison.Ordinal), Bound);
        await stop.CancelAsync();

        Assert.Equal(ExitCodes.Ok, await run.WaitAsync(Bound, TimeProvider.System));
    }

    [Fact]
    public async Task Drop_with_reconnection_off_exits_1_with_the_explanation()
    {
        await using var server = await MockWebSocketServer.StartAsync(new MockServerOptions());
        var output = new LineSignalWriter();
        using var error = new StringWriter();

        var run = ConnectCommand.RunAsync(ConnectSettings.For(server.Url) with { Reconnect = false }, TimeProvider.System, output, error, CancellationToken.None);
        await output.WaitForLineAsync(l => l.Contains("-> Connected", StringComparison.Ordinal), Bound);
        await server.DisconnectAllAsync(DisconnectMode.Abort);
        var exit = await run.WaitAsync(Bound, TimeProvider.System);

        Assert.True(exit == ExitCodes.Failed, output + error.ToString());
        Assert.StartsWith("zenws: the connection to", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("The connection was lost without a close handshake", error.ToString(), StringComparison.Ordinal);
    }
}
