using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ZenWebsocket.Cli.Commands;
using ZenWebsocket.Cli.Tests.Support;

namespace ZenWebsocket.Cli.Tests.Commands;

public class SimulateCommandTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Simulate_deribit_prints_one_line_serves_public_test_and_exits_0_on_cancel()
    {
        var output = new LineSignalWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = SimulateCommand.RunAsync(0, 42, output, error, stop.Token);

        var line = await output.WaitForLineAsync(l => l.StartsWith("listening ", StringComparison.Ordinal), Bound);
        var parts = line.Split(' ');
        Assert.Equal(3, parts.Length);
        var ws = new Uri(parts[1]);
        Assert.Matches(@"^ws://127\.0\.0\.1:\d+/ws/api/v2$", parts[1]);
        Assert.Equal($"http://127.0.0.1:{ws.Port}/api/v2", parts[2]);

        using (var socket = new ClientWebSocket())
        {
            using var timeout = new CancellationTokenSource(Bound, TimeProvider.System);
            await socket.ConnectAsync(ws, timeout.Token);
            await socket.SendAsync(Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"public/test","params":{}}"""), WebSocketMessageType.Text, true, timeout.Token);
            var buffer = new byte[4096];
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            using var response = JsonDocument.Parse(buffer.AsMemory(0, received.Count));
            Assert.Equal(1, response.RootElement.GetProperty("id").GetInt32());
            Assert.True(response.RootElement.GetProperty("result").TryGetProperty("version", out _));
        }

        await stop.CancelAsync();
        var exit = await run.WaitAsync(Bound, TimeProvider.System);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal([line], output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task A_port_out_of_range_is_bad_input()
    {
        var run = await CliRun.InvokeAsync("simulate", "deribit", "--port", "70000");

        Assert.True(run.ExitCode == ExitCodes.BadInput, run.ToString());
        Assert.Contains("--port must be from 0 to 65535", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
