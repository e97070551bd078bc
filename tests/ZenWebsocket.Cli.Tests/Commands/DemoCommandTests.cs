using ZenWebsocket.Cli.Tests.Support;

namespace ZenWebsocket.Cli.Tests.Commands;

public class DemoCommandTests
{
    [Fact]
    public async Task Demo_exits_0_by_itself_and_shows_echoes_and_a_reconnection()
    {
        var run = await CliRun.InvokeAsync("demo", "--duration", "0.5");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Empty(run.Error);
        var lines = run.OutputLines;
        Assert.Contains(lines, l => l.EndsWith("-> hello", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("<- hello", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("<- pong", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("<- hello again", StringComparison.Ordinal));

        // The Reconnecting line carries the reason, the attempt and the next delay.
        Assert.Contains(lines, l => l.Contains("** Connected -> Reconnecting (TransportError, attempt 1, next attempt in 200 ms", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("** Connecting -> Connected (Connected, attempt 1, connection #2)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("reconnects 1,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("heartbeat PingPong", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("-> Closed (UserRequested", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelled_demo_exits_1_with_one_line()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var exit = await Cli.Commands.DemoCommand.RunAsync(TimeSpan.FromSeconds(1), TimeProvider.System, output, error, cancelled.Token);

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Equal("zenws: demo interrupted." + Environment.NewLine, error.ToString());
    }
}
