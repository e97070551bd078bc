using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ZenWebsocket.Binance;

namespace ZenWebsocket.Benchmarks;

/// <summary>
/// The receive path of a combined market-stream connection: finding the topic of
/// <c>{"stream":"btcusdt@trade","data":{...}}</c> to route it (the dialect reads only the first member) against a
/// <see cref="JsonDocument"/>, and turning the frame into a typed <see cref="BinanceTrade"/>.
/// </summary>
public class BinanceStreamRoutingBenchmarks
{
    private readonly byte[] _frame = Encoding.UTF8.GetBytes("""{"stream":"btcusdt@trade","data":{"e":"trade","E":1700000000123,"s":"BTCUSDT","t":4242424242,"p":"60000.01000000","q":"0.00150000","T":1700000000120,"m":true,"M":true}}""");
    private ZenMessage _message;

    [GlobalSetup]
    public void Prepare() => _message = new ZenMessage(WebSocketMessageType.Text, _frame, connectionId: 1, receivedTimestamp: 0);

    /// <summary>What the subscription manager calls per message: <see cref="BinanceStreamDialect.TryGetTopic"/>
    /// (the only allocation is the topic string).</summary>
    [Benchmark(Baseline = true)]
    public string RouteWithDialect()
    {
        BinanceStreamDialect.Instance.TryGetTopic(in _message, out var topic);
        return topic;
    }

    /// <summary>The DOM alternative: parse the whole frame to read one member.</summary>
    [Benchmark]
    public string RouteWithJsonDocument()
    {
        using var document = JsonDocument.Parse(_frame);
        return document.RootElement.GetProperty("stream").GetString()!;
    }

    /// <summary>The typed path of a trade subscription: the <c>data</c> slice (<see cref="BinanceStreamFrame.GetEvent"/>)
    /// deserialized with source-generated metadata, as <see cref="BinanceTypedSubscription{T}"/> does.</summary>
    [Benchmark]
    public BinanceTrade TypedTradeFromDataSlice()
    {
        var data = BinanceStreamFrame.GetEvent(_frame, out _);
        return JsonSerializer.Deserialize(data.Span, BenchJson.Default.BinanceTrade)!;
    }

    /// <summary>The one-shot alternative: deserialize the whole frame (stream + data) into a wrapper in one pass.</summary>
    [Benchmark]
    public BinanceTrade TypedTradeFromWholeFrame() =>
        JsonSerializer.Deserialize(_frame, BenchJson.Default.CombinedTradeWire)!.Data!;
}
