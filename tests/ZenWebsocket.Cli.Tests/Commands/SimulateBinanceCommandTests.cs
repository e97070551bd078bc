using System.Text.Json;
using ZenWebsocket.Cli.Commands;
using ZenWebsocket.Cli.Tests.Support;

namespace ZenWebsocket.Cli.Tests.Commands;

public class SimulateBinanceCommandTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Simulate_binance_prints_one_line_serves_streams_and_rest_and_exits_0_on_cancel()
    {
        using var run = await SimulatorCommandRun.StartAsync((output, error, stop) => SimulateBinanceCommand.RunAsync(0, 42, output, error, stop));

        var parts = run.Parts;
        Assert.Equal(4, parts.Length);
        Assert.Matches(@"^ws://127\.0\.0\.1:\d+/ws$", parts[1]);
        var port = new Uri(parts[1]).Port;
        Assert.Equal($"ws://127.0.0.1:{port}/ws-api/v3", parts[2]);
        Assert.Equal($"http://127.0.0.1:{port}/api", parts[3]);

        using (var reply = await SimulatorCommandRun.ExchangeAsync(new Uri(parts[1]), """{"method":"LIST_SUBSCRIPTIONS","id":7}"""))
        {
            Assert.Equal(7, reply.RootElement.GetProperty("id").GetInt32());
            Assert.Equal(0, reply.RootElement.GetProperty("result").GetArrayLength());
        }

        using (var http = new HttpClient())
        {
            var time = await http.GetStringAsync(new Uri(parts[3] + "/v3/time")).WaitAsync(Bound, TimeProvider.System);
            using var document = JsonDocument.Parse(time);
            Assert.True(document.RootElement.GetProperty("serverTime").GetInt64() > 0);
        }

        var exit = await run.StopAsync();

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal([run.Line], run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Simulate_binance_with_a_port_out_of_range_is_bad_input()
    {
        var run = await CliRun.InvokeAsync("simulate", "binance", "--port", "70000");

        Assert.True(run.ExitCode == ExitCodes.BadInput, run.ToString());
        Assert.Contains("--port must be from 0 to 65535", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
