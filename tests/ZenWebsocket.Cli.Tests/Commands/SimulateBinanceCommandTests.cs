using System.Net.WebSockets;
using System.Text;
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
        var output = new LineSignalWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = SimulateBinanceCommand.RunAsync(0, 42, output, error, stop.Token);

        var line = await output.WaitForLineAsync(l => l.StartsWith("listening ", StringComparison.Ordinal), Bound);
        var parts = line.Split(' ');
        Assert.Equal(4, parts.Length);
        Assert.Matches(@"^ws://127\.0\.0\.1:\d+/ws$", parts[1]);
        var port = new Uri(parts[1]).Port;
        Assert.Equal($"ws://127.0.0.1:{port}/ws-api/v3", parts[2]);
        Assert.Equal($"http://127.0.0.1:{port}/api", parts[3]);

        using (var socket = new ClientWebSocket())
        {
            using var timeout = new CancellationTokenSource(Bound, TimeProvider.System);
            await socket.ConnectAsync(new Uri(parts[1]), timeout.Token);
            await socket.SendAsync(Encoding.UTF8.GetBytes("""{"method":"LIST_SUBSCRIPTIONS","id":7}"""), WebSocketMessageType.Text, true, timeout.Token);
            var buffer = new byte[4096];
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            using var reply = JsonDocument.Parse(buffer.AsMemory(0, received.Count));
            Assert.Equal(7, reply.RootElement.GetProperty("id").GetInt32());
            Assert.Equal(0, reply.RootElement.GetProperty("result").GetArrayLength());
        }

        using (var http = new HttpClient())
        {
            var time = await http.GetStringAsync(new Uri(parts[3] + "/v3/time")).WaitAsync(Bound, TimeProvider.System);
            using var document = JsonDocument.Parse(time);
            Assert.True(document.RootElement.GetProperty("serverTime").GetInt64() > 0);
        }

        await stop.CancelAsync();
        var exit = await run.WaitAsync(Bound, TimeProvider.System);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal([line], output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task Simulate_binance_with_a_port_out_of_range_is_bad_input()
    {
        var run = await CliRun.InvokeAsync("simulate", "binance", "--port", "70000");

        Assert.True(run.ExitCode == ExitCodes.BadInput, run.ToString());
        Assert.Contains("--port must be from 0 to 65535", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
