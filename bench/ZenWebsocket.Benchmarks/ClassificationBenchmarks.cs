using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace ZenWebsocket.Benchmarks;

/// <summary>The receive-path cost of recognising a message: our one-pass classifier against a DOM parse.</summary>
public class ClassificationBenchmarks
{
    private readonly byte[] _response = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":4242,"result":{"instrument_name":"BTC-PERPETUAL","best_bid_price":97123.5,"best_ask_price":97124.0},"usIn":1700000000000000,"usOut":1700000000000100,"usDiff":100,"testnet":false}""");
    private readonly byte[] _notification = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","method":"subscription","params":{"channel":"book.BTC-PERPETUAL.raw","data":{"type":"change","change_id":41,"prev_change_id":40,"bids":[["new",97123.5,10]],"asks":[]}}}""");

    [Benchmark(Baseline = true)]
    public RpcMessageKind OnePassResponse() => JsonRpcDialect.Instance.Classify(_response).Kind;

    [Benchmark]
    public RpcMessageKind OnePassNotification() => JsonRpcDialect.Instance.Classify(_notification).Kind;

    [Benchmark]
    public bool JsonDocumentResponse()
    {
        using var document = JsonDocument.Parse(_response);
        return document.RootElement.TryGetProperty("id", out _) && document.RootElement.TryGetProperty("result", out _);
    }
}
