using ZenWebsocket.Cli.Tests.Support;

namespace ZenWebsocket.Cli.Tests;

public class CliAppTests
{
    [Theory]
    [InlineData("only ws:// and wss://", "connect", "ftp://example.com/ws")]
    [InlineData("did you mean ws://", "connect", "http://example.com/ws")]
    [InlineData("Unknown heartbeat 'tcp'", "connect", "ws://127.0.0.1:1/ws", "--heartbeat", "tcp")]
    [InlineData("must be NAME=VALUE", "connect", "ws://127.0.0.1:1/ws", "--header", "NoEquals")]
    [InlineData("--duration must be a positive number", "connect", "ws://127.0.0.1:1/ws", "--duration", "-1")]
    [InlineData("--duration must be a number", "connect", "ws://127.0.0.1:1/ws", "--duration", "soon")]
    [InlineData("--heartbeat-interval needs a heartbeat", "connect", "ws://127.0.0.1:1/ws", "--heartbeat-interval", "5")]
    [InlineData("--duration must be a positive number", "demo", "--duration", "0")]
    [InlineData("Required argument missing", "connect")]
    [InlineData("Required command was not provided", new string[0])]
    [InlineData("Unrecognized command or argument 'bogus'", "bogus")]
    public async Task Bad_input_exits_2_with_one_error_line_and_no_stack_trace(string expected, params string[] args)
    {
        var run = await CliRun.InvokeAsync(args);

        Assert.True(run.ExitCode == ExitCodes.BadInput, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("zenws: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("DeribitHeartbeatOptions.Interval", "--heartbeat", "deribit", "--heartbeat-interval", "5")]
    [InlineData("must not set 'Host'", "--header", "Host=evil")]
    public async Task An_option_the_client_rejects_exits_2_with_its_message(string expected, params string[] options)
    {
        var run = await CliRun.InvokeAsync(["connect", "ws://127.0.0.1:1/ws", .. options]);

        Assert.True(run.ExitCode == ExitCodes.BadInput, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("connect", "--help")]
    [InlineData("demo", "--help")]
    public async Task Help_exits_0_and_describes_the_commands(params string[] args)
    {
        var run = await CliRun.InvokeAsync(args);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Connect_help_lists_every_option()
    {
        var run = await CliRun.InvokeAsync("connect", "--help");

        foreach (var option in new[] { "--send", "--heartbeat", "--heartbeat-interval", "--no-reconnect", "--header", "--duration", "--insecure" })
        {
            Assert.Contains(option, run.Output, StringComparison.Ordinal);
        }
    }
}
