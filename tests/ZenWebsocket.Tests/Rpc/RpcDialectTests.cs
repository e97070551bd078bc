using System.Text;
using System.Text.Json;

namespace ZenWebsocket.Tests.Rpc;

public sealed class RpcDialectTests
{
    private static RpcInbound Classify(string json) => JsonRpcDialect.Instance.Classify(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Json_rpc_requests_carry_version_id_method_and_params()
    {
        Assert.Equal("""{"jsonrpc":"2.0","id":42,"method":"public/get_time","params":{"a":1}}""", Write(JsonRpcDialect.Instance, 42, "public/get_time", RpcParams.FromJson("""{"a":1}""")));
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"method":"public/test"}""", Write(JsonRpcDialect.Instance, 1, "public/test", RpcParams.None));
    }

    [Fact]
    public void Id_status_requests_have_no_version()
    {
        Assert.Equal("""{"id":3,"method":"SUBSCRIBE","params":["btcusdt@trade"]}""", Write(IdStatusDialect.Instance, 3, "SUBSCRIBE", RpcParams.FromJson("""["btcusdt@trade"]""")));
    }

    [Fact]
    public void A_response_keeps_its_result_as_a_slice()
    {
        var inbound = Classify("""{"jsonrpc":"2.0","id":7,"result":{"version":"1.2.26"},"usIn":1}""");
        Assert.Equal(RpcMessageKind.Response, inbound.Kind);
        Assert.Equal(7, inbound.Id);
        Assert.Equal("""{"version":"1.2.26"}""", Encoding.UTF8.GetString(inbound.Result.Span));
    }

    [Fact]
    public void An_error_response_carries_code_message_and_data()
    {
        var inbound = Classify("""{"jsonrpc":"2.0","id":8,"error":{"code":13004,"message":"invalid_credentials","data":{"reason":"x"}}}""");
        Assert.Equal(RpcMessageKind.ErrorResponse, inbound.Kind);
        Assert.Equal(new RpcError(13004, "invalid_credentials", """{"reason":"x"}"""), inbound.Error);
    }

    [Fact]
    public void Binance_shapes_are_understood()
    {
        var ok = Classify("""{"result":null,"id":1}""");
        Assert.Equal(RpcMessageKind.Response, ok.Kind);
        Assert.Equal("null", Encoding.UTF8.GetString(ok.Result.Span));

        var error = Classify("""{"id":2,"status":400,"error":{"code":-1102,"msg":"Mandatory parameter 'symbol' was not sent."}}""");
        Assert.Equal(RpcMessageKind.ErrorResponse, error.Kind);
        Assert.Equal(-1102, error.Error!.Code);
        Assert.Equal(400, error.Error.Status);
        Assert.StartsWith("Mandatory", error.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","method":"subscription","params":{"channel":"ticker.BTC-PERPETUAL.raw","data":{}}}""", RpcMessageKind.Notification)]
    [InlineData("""{"stream":"btcusdt@trade","data":{"e":"trade"}}""", RpcMessageKind.Unrelated)]
    [InlineData("""{"id":"zenws-hb-1","result":"ok"}""", RpcMessageKind.Unrelated)]
    [InlineData("""[1,2,3]""", RpcMessageKind.Unrelated)]
    [InlineData("""not json at all""", RpcMessageKind.Unrelated)]
    [InlineData("""{"id":1,"result":""", RpcMessageKind.Unrelated)]
    [InlineData("", RpcMessageKind.Unrelated)]
    public void Everything_else_is_classified_without_throwing(string json, RpcMessageKind kind)
    {
        Assert.Equal(kind, Classify(json).Kind);
    }

    [Fact]
    public void A_top_level_code_is_an_error_only_when_the_dialect_asks_for_it()
    {
        var json = Encoding.UTF8.GetBytes("""{"code":2,"msg":"Invalid request: too many parameters","id":9}""");
        var withTopLevel = new IdStatusDialect(new IdStatusDialectOptions { TopLevelErrors = true }).Classify(json);
        Assert.Equal(RpcMessageKind.ErrorResponse, withTopLevel.Kind);
        Assert.Equal(9, withTopLevel.Id);
        Assert.Equal(new RpcError(2, "Invalid request: too many parameters", null), withTopLevel.Error);

        var plain = IdStatusDialect.Instance.Classify(json);
        Assert.Equal(RpcMessageKind.Unrelated, plain.Kind);
        Assert.Null(plain.Error);
    }

    [Fact]
    public void An_error_member_wins_over_a_top_level_code()
    {
        var dialect = new IdStatusDialect(new IdStatusDialectOptions { TopLevelErrors = true });
        var inbound = dialect.Classify("""{"code":2,"msg":"top","id":4,"status":400,"error":{"code":-1102,"msg":"inner"}}"""u8.ToArray());
        Assert.Equal(RpcMessageKind.ErrorResponse, inbound.Kind);
        Assert.Equal(-1102, inbound.Error!.Code);
        Assert.Equal("inner", inbound.Error.Message);
        Assert.Equal(400, inbound.Status);
    }

    [Fact]
    public void A_data_marker_makes_a_message_unrelated_even_with_an_id_and_a_result()
    {
        var json = """{"e":"trade","id":3,"result":null}"""u8.ToArray();
        Assert.Equal(RpcMessageKind.Response, IdStatusDialect.Instance.Classify(json).Kind);

        var inbound = new IdStatusDialect(new IdStatusDialectOptions { DataMarkers = ["stream", "e"] }).Classify(json);
        Assert.Equal(default, inbound);
    }

    [Fact]
    public void Id_status_options_name_a_bad_data_marker()
    {
        var error = Assert.Throws<ArgumentException>(() => new IdStatusDialect(new IdStatusDialectOptions { DataMarkers = ["stream", ""] }));
        Assert.Contains("IdStatusDialectOptions.DataMarkers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_params_json_is_refused_when_built()
    {
        Assert.Throws<ArgumentException>(() => RpcParams.FromJson("{oops"));
        Assert.Throws<ArgumentException>(() => RpcParams.FromJson("42"));
    }

    private static string Write(IRpcDialect dialect, long id, string method, RpcParams parameters)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            dialect.WriteRequest(writer, id, method, parameters);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
