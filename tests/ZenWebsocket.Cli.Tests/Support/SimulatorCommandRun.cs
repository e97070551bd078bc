using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ZenWebsocket.Cli.Tests.Support;

/// <summary>
/// A <c>zenws simulate ...</c> run in process, started and awaited until it prints its <c>listening ...</c> line:
/// the part the simulate tests share, so each keeps only what is particular to its exchange.
/// </summary>
internal sealed class SimulatorCommandRun : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly LineSignalWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly CancellationTokenSource _stop = new();
    private Task<int> _run = Task.FromResult(0);

    private SimulatorCommandRun()
    {
    }

    /// <summary>The <c>listening ...</c> line.</summary>
    public string Line { get; private set; } = string.Empty;

    /// <summary>The line's space-separated words; [0] is <c>listening</c>, then the URLs.</summary>
    public string[] Parts => Line.Split(' ');

    public string Output => _output.ToString();

    public string Error => _error.ToString();

    /// <summary>Starts <paramref name="run"/> (a command's RunAsync with port 0) and waits for its listening line.</summary>
    public static async Task<SimulatorCommandRun> StartAsync(Func<TextWriter, TextWriter, CancellationToken, Task<int>> run)
    {
        var started = new SimulatorCommandRun();
        started._run = run(started._output, started._error, started._stop.Token);
        started.Line = await started._output.WaitForLineAsync(l => l.StartsWith("listening ", StringComparison.Ordinal), Bound);
        return started;
    }

    /// <summary>Sends one text message to <paramref name="url"/> on a fresh socket and parses the one reply.</summary>
    public static async Task<JsonDocument> ExchangeAsync(Uri url, string request)
    {
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(Bound, TimeProvider.System);
        await socket.ConnectAsync(url, timeout.Token);
        await socket.SendAsync(Encoding.UTF8.GetBytes(request), WebSocketMessageType.Text, true, timeout.Token);
        var buffer = new byte[4096];
        var received = await socket.ReceiveAsync(buffer, timeout.Token);
        return JsonDocument.Parse(buffer.AsMemory(0, received.Count));
    }

    /// <summary>Cancels the run, as Ctrl+C does, and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _run.WaitAsync(Bound, TimeProvider.System);
    }

    /// <summary>Stops a run a failed assertion left behind, so its simulator does not outlive the test.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _error.Dispose();
        _output.Dispose();
    }
}
