using System.Net.WebSockets;
using System.Text;
using BenchmarkDotNet.Attributes;
using ZenWebsocket.Testing;

namespace ZenWebsocket.Benchmarks;

/// <summary>
/// End to end on loopback against the mock server: one message out, its echo back. ZenClient (single writer, receive
/// loop, queue, telemetry) against a bare ClientWebSocket doing the same, to show what the reliability layer costs.
/// </summary>
public class LoopbackEchoBenchmarks
{
    private readonly byte[] _payload = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"public/test","params":{}}""");
    private readonly byte[] _buffer = new byte[4096];
    private MockWebSocketServer _server = null!;
    private ZenClient _client = null!;
    private ClientWebSocket _raw = null!;

    [GlobalSetup]
    public async Task StartAsync()
    {
        _server = await MockWebSocketServer.StartAsync();
        _client = await ZenClient.ConnectAsync(_server.Url);
        _raw = new ClientWebSocket();
        await _raw.ConnectAsync(_server.Url, CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        await _client.DisposeAsync();
        _raw.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> RawClientWebSocketEcho()
    {
        await _raw.SendAsync(_payload, WebSocketMessageType.Text, true, CancellationToken.None);
        var result = await _raw.ReceiveAsync(_buffer.AsMemory(), CancellationToken.None);
        return result.Count;
    }

    [Benchmark]
    public async Task<int> ZenClientEcho()
    {
        await _client.SendAsync(_payload, WebSocketMessageType.Text);
        var message = await _client.ReceiveAsync();
        return message!.Value.Data.Length;
    }
}
