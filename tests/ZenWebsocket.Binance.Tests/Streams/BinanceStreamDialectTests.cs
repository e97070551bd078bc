using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ZenWebsocket.Binance.Tests.Streams;

public sealed class BinanceStreamDialectTests
{
    private static ZenMessage Text(string json) => new(WebSocketMessageType.Text, Encoding.UTF8.GetBytes(json), 1, 0);

    private static string Write(IRpcDialect dialect, string method, RpcParams parameters)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            dialect.WriteRequest(writer, 7, method, parameters);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Theory]
    [InlineData("BTCUSDT@trade", "btcusdt@trade")]
    [InlineData("  EthBtc@depth@100ms ", "ethbtc@depth@100ms")]
    [InlineData("BNBUSDT@kline_1M", "bnbusdt@kline_1M")]
    [InlineData("!miniTicker@arr", "!miniTicker@arr")]
    public void Stream_names_are_canonical_with_a_lower_case_symbol_and_the_rest_as_written(string written, string canonical) =>
        Assert.Equal(canonical, BinanceStreamDialect.Instance.Canonicalize(written));

    [Fact]
    public void Subscribe_requests_list_the_streams_as_params_in_batches()
    {
        var topics = Enumerable.Range(0, 450).Select(i => $"s{i}@trade").ToArray();
        var requests = BinanceStreamDialect.Instance.BuildSubscribe(topics);
        Assert.Equal([200, 200, 50], requests.Select(r => r.Topics.Count).ToArray());
        Assert.All(requests, r => Assert.Equal("SUBSCRIBE", r.Method));
        Assert.Equal("UNSUBSCRIBE", BinanceStreamDialect.Instance.BuildUnsubscribe(["a@trade"]).Single().Method);

        var json = Write(BinanceStreamRpcDialect.Instance, "SUBSCRIBE", BinanceStreamDialect.Instance.BuildSubscribe(["btcusdt@aggTrade", "btcusdt@depth"])[0].Params);
        Assert.Equal("""{"method":"SUBSCRIBE","params":["btcusdt@aggTrade","btcusdt@depth"],"id":7}""", json);
        Assert.Equal("""{"method":"LIST_SUBSCRIPTIONS","id":7}""", Write(BinanceStreamRpcDialect.Instance, "LIST_SUBSCRIPTIONS", RpcParams.None));
    }

    [Fact]
    public void A_null_result_confirms_the_whole_batch_and_anything_else_confirms_nothing()
    {
        string[] requested = ["btcusdt@trade", "ethbtc@trade"];
        Assert.Equal(requested.ToHashSet(), BinanceStreamDialect.Instance.ReadConfirmed("null"u8.ToArray(), requested).ToHashSet());
        Assert.Empty(BinanceStreamDialect.Instance.ReadConfirmed("true"u8.ToArray(), requested));
    }

    [Fact]
    public void Combined_data_is_routed_by_its_stream_and_control_answers_are_not_data()
    {
        Assert.True(BinanceStreamDialect.Instance.TryGetTopic(Text("""{"stream":"btcusdt@trade","data":{"e":"trade","t":1}}"""), out var topic));
        Assert.Equal("btcusdt@trade", topic);
        Assert.False(BinanceStreamDialect.Instance.TryGetTopic(Text("""{"result":null,"id":1}"""), out _));
        Assert.False(BinanceStreamDialect.Instance.TryGetTopic(Text("""{"e":"trade","t":1}"""), out _));
    }

    [Fact]
    public void Control_answers_are_responses_and_top_level_code_and_msg_are_errors()
    {
        var ok = BinanceStreamRpcDialect.Instance.Classify("""{"result":null,"id":1}"""u8.ToArray());
        Assert.Equal(RpcMessageKind.Response, ok.Kind);
        Assert.Equal(1, ok.Id);
        Assert.Equal("null", Encoding.UTF8.GetString(ok.Result.Span));

        var list = BinanceStreamRpcDialect.Instance.Classify("""{"result":["btcusdt@aggTrade"],"id":3}"""u8.ToArray());
        Assert.Equal("[\"btcusdt@aggTrade\"]", Encoding.UTF8.GetString(list.Result.Span));

        var error = BinanceStreamRpcDialect.Instance.Classify("""{"code":2,"msg":"Invalid request: too many parameters","id":9}"""u8.ToArray());
        Assert.Equal(RpcMessageKind.ErrorResponse, error.Kind);
        Assert.Equal(9, error.Id);
        Assert.Equal(2, error.Error!.Code);
        Assert.Equal("Invalid request: too many parameters", error.Error.Message);

        Assert.Equal(RpcMessageKind.Unrelated, BinanceStreamRpcDialect.Instance.Classify("""{"stream":"btcusdt@trade","data":{"id":1}}"""u8.ToArray()).Kind);
        Assert.Equal(RpcMessageKind.Unrelated, BinanceStreamRpcDialect.Instance.Classify("""{"e":"trade","E":1,"t":5}"""u8.ToArray()).Kind);
        Assert.Equal(RpcMessageKind.Unrelated, BinanceStreamRpcDialect.Instance.Classify("not json"u8.ToArray()).Kind);
    }

    [Theory]
    [InlineData("btcusdt@trade", """{"stream":"btcusdt@trade","data":{"e":"trade","E":1672515782136,"s":"BNBBTC","t":12345,"p":"0.001"}}""", 12345)]
    [InlineData("btcusdt@trade", """{"e":"trade","E":1672515782136,"s":"BNBBTC","t":12346,"p":"0.001"}""", 12346)]
    [InlineData("btcusdt@aggTrade", """{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","E":1,"a":777,"f":100}}""", 777)]
    [InlineData("btcusdt@depth@100ms", """{"stream":"btcusdt@depth@100ms","data":{"e":"depthUpdate","E":1,"U":157,"u":160,"b":[["0.0024","10"]]}}""", 160)]
    [InlineData("btcusdt@depth", """{"e":"depthUpdate","E":1,"U":157,"u":161}""", 161)]
    [InlineData("btcusdt@depth5@100ms", """{"stream":"btcusdt@depth5@100ms","data":{"lastUpdateId":160,"bids":[],"asks":[]}}""", 160)]
    [InlineData("bnbusdt@bookTicker", """{"stream":"bnbusdt@bookTicker","data":{"u":400900217,"s":"BNBUSDT","b":"25.35"}}""", 400900217)]
    [InlineData("bnbusdt@kline_1m", """{"stream":"bnbusdt@kline_1m","data":{"e":"kline","E":1672515782136,"s":"BNBUSDT","k":{"t":1}}}""", 1672515782136)]
    [InlineData("bnbusdt@ticker", """{"e":"24hrTicker","E":1672515782137,"s":"BNBUSDT"}""", 1672515782137)]
    public void The_sequence_of_each_stream_kind_is_read_from_both_wire_forms(string topic, string json, long expected)
    {
        Assert.True(BinanceStreamSequence.TryRead(topic, Encoding.UTF8.GetBytes(json), out var sequence));
        Assert.Equal(expected, sequence);
    }

    [Fact]
    public void An_event_without_its_sequence_field_has_none() =>
        Assert.False(BinanceStreamSequence.TryRead("btcusdt@trade", """{"stream":"btcusdt@trade","data":{"e":"trade"}}"""u8, out _));

    [Theory]
    [InlineData("""{"e":"serverShutdown","E":1770123456789}""", true)]
    [InlineData("""{"stream":"!serverShutdown","data":{"e":"serverShutdown","E":1770123456789}}""", true)]
    [InlineData("""{"stream":"btcusdt@trade","data":{"e":"serverShutdown"}}""", false)]
    [InlineData("""{"e":"trade","E":1}""", false)]
    [InlineData("""{"result":null,"id":1}""", false)]
    public void The_server_shutdown_notice_is_recognised_in_its_raw_and_combined_forms(string json, bool expected) =>
        Assert.Equal(expected, BinanceServerShutdown.IsAnnouncement(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void The_bare_event_is_the_data_of_a_combined_frame_or_the_raw_frame_itself()
    {
        var combined = Encoding.UTF8.GetBytes("""{"stream":"btcusdt@trade","data":{"e":"trade","t":1}}""");
        Assert.Equal("""{"e":"trade","t":1}""", Encoding.UTF8.GetString(BinanceStreamFrame.GetEvent(combined, out var stream).Span));
        Assert.Equal("btcusdt@trade", stream);

        var raw = Encoding.UTF8.GetBytes("""{"e":"trade","t":1}""");
        Assert.Equal("""{"e":"trade","t":1}""", Encoding.UTF8.GetString(BinanceStreamFrame.GetEvent(raw, out stream).Span));
        Assert.Null(stream);
    }
}
