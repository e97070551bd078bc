using ZenWebsocket.Cli.Commands;
using ZenWebsocket.Cli.Tests.Support;

namespace ZenWebsocket.Cli.Tests.Commands;

public class SimulateCommandTests
{
    [Fact]
    public async Task Simulate_deribit_prints_one_line_serves_public_test_and_exits_0_on_cancel()
    {
        using var run = await SimulatorCommandRun.StartAsync((output, error, stop) => SimulateCommand.RunAsync(0, 42, output, error, stop));

        var parts = run.Parts;
        Assert.Equal(3, parts.Length);
        var ws = new Uri(parts[1]);
        Assert.Matches(@"^ws://127\.0\.0\.1:\d+/ws/api/v2$", parts[1]);
        Assert.Equal($"http://127.0.0.1:{ws.Port}/api/v2", parts[2]);

        using (var response = await SimulatorCommandRun.ExchangeAsync(ws, """{"jsonrpc":"2.0","id":1,"method":"public/test","params":{}}"""))
        {
            Assert.Equal(1, response.RootElement.GetProperty("id").GetInt32());
            Assert.True(response.RootElement.GetProperty("result").TryGetProperty("version", out _));
        }

        var exit = await run.StopAsync();

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal([run.Line], run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task A_port_out_of_range_is_bad_input()
    {
        var run = await CliRun.InvokeAsync("simulate", "deribit", "--port", "70000");

        Assert.True(run.ExitCode == ExitCodes.BadInput, run.ToString());
        Assert.Contains("--port must be from 0 to 65535", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
