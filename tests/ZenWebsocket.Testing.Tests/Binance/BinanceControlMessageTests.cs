using System.Text.Json;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Testing.Tests.Binance;

public class BinanceControlMessageTests
{
    [Fact]
    public async Task Subscribe_list_and_unsubscribe_answer_as_documented_on_a_bare_connection()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet());
        using var socket = await Client.ConnectAsync(simulator.Stream("/ws"));

        var subscribed = await socket.RequestAsync("""{"method":"SUBSCRIBE","params":["btcusdt@aggTrade","btcusdt@depth"],"id":1}""");
        var listed = await socket.RequestAsync("""{"method":"LIST_SUBSCRIPTIONS","id":3}""");
        var unsubscribed = await socket.RequestAsync("""{"method":"UNSUBSCRIBE","params":["btcusdt@depth"],"id":312}""");
        var relisted = await socket.RequestAsync("""{"method":"LIST_SUBSCRIPTIONS","id":"abc-1"}""");

        Assert.Equal("""{"result":null,"id":1}""", subscribed.GetRawText());
        Assert.Equal("""{"result":["btcusdt@aggTrade","btcusdt@depth"],"id":3}""", listed.GetRawText());
        Assert.Equal("""{"result":null,"id":312}""", unsubscribed.GetRawText());
        Assert.Equal("""{"result":["btcusdt@aggTrade"],"id":"abc-1"}""", relisted.GetRawText());
        Assert.Equal([["btcusdt@aggTrade"]], simulator.StreamSubscriptions);
        Assert.Equal(4, simulator.StreamControlMessagesReceived);
    }

    [Fact]
    public async Task The_combined_property_defaults_per_path_and_switches_the_wrapper()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet());
        using var raw = await Client.ConnectAsync(simulator.Stream("/ws/btcusdt@depth@100ms"));
        using var combined = await Client.ConnectAsync(simulator.Stream("/stream?streams=btcusdt@depth@100ms"));

        Assert.Equal("""{"result":false,"id":2}""", (await raw.RequestAsync("""{"method":"GET_PROPERTY","params":["combined"],"id":2}""")).GetRawText());
        Assert.Equal("""{"result":true,"id":2}""", (await combined.RequestAsync("""{"method":"GET_PROPERTY","params":["combined"],"id":2}""")).GetRawText());
        Assert.Equal("""{"result":null,"id":5}""", (await raw.RequestAsync("""{"method":"SET_PROPERTY","params":["combined",true],"id":5}""")).GetRawText());

        simulator.StepMarket();
        var wrapped = await raw.ReceiveJsonAsync();
        Assert.Equal("btcusdt@depth@100ms", wrapped.GetProperty("stream").GetString());
        Assert.Equal("depthUpdate", wrapped.GetProperty("data").GetProperty("e").GetString());
    }

    [Theory]
    [InlineData("""{"method":"SET_PROPERTY","params":["compact",true],"id":1}""", 0, "Unknown property", "1")]
    [InlineData("""{"method":"GET_PROPERTY","params":["compact"],"id":1}""", 0, "Unknown property", "1")]
    [InlineData("""{"method":"SET_PROPERTY","params":["combined","yes"],"id":1}""", 1, "Invalid value type: expected Boolean", "1")]
    [InlineData("""{"method":"SET_PROPERTY","params":[5,true],"id":1}""", 2, "Invalid request: property name must be a string", "1")]
    [InlineData("""{"method":"GET_PROPERTY","params":[],"id":1}""", 2, "Invalid request: property name must be a string", "1")]
    [InlineData("""{"method":"LIST_SUBSCRIPTIONS","id":1.5}""", 2, "Invalid request: request ID must be an unsigned integer", "null")]
    [InlineData("""{"method":"LIST_SUBSCRIPTIONS"}""", 2, "Invalid request: request ID must be an unsigned integer", "null")]
    [InlineData("""{"method":"LIST_SUBSCRIPTIONS","id":"not valid!"}""", 2, "Invalid request: request ID must be an unsigned integer", "null")]
    [InlineData("""{"method":"SUBSCRIBED","params":[],"id":1}""", 2, "Invalid request: unknown variant `SUBSCRIBED`, expected one of `SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY` at line 1 column 22", "1")]
    [InlineData("""{"method":"GET_PROPERTY","params":["combined",true],"id":1}""", 2, "Invalid request: too many parameters", "1")]
    [InlineData("""{"method":"SET_PROPERTY","params":["combined",true,1],"id":1}""", 2, "Invalid request: too many parameters", "1")]
    [InlineData("""{"method":"LIST_SUBSCRIPTIONS","params":["x"],"id":1}""", 2, "Invalid request: too many parameters", "1")]
    [InlineData("""{"params":["btcusdt@trade"],"id":1}""", 2, "Invalid request: missing field `method` at line 1 column 35", "1")]
    [InlineData("""{"method":"SUBSCRIBE",""", 3, "Invalid JSON: expected value at line 1 column 22", "null")]
    public async Task Each_documented_error_row_answers_with_its_code_and_message(string request, int code, string message, string id)
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet());
        using var socket = await Client.ConnectAsync(simulator.Stream("/ws"));

        var reply = await socket.RequestAsync(request);

        Assert.Equal(code, reply.GetProperty("code").GetInt32());
        Assert.Equal(message, reply.GetProperty("msg").GetString());
        Assert.Equal(id, reply.GetProperty("id").GetRawText());
    }

    [Fact]
    public async Task Subscribing_past_the_stream_cap_is_refused_and_subscribes_nothing()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet() with { MaxStreamsPerConnection = 3 });
        using var socket = await Client.ConnectAsync(simulator.Stream("/ws/btcusdt@trade"));

        var ok = await socket.RequestAsync("""{"method":"SUBSCRIBE","params":["ethusdt@trade","bnbusdt@trade","btcusdt@trade"],"id":1}""");
        var refused = await socket.RequestAsync("""{"method":"SUBSCRIBE","params":["ethbtc@trade"],"id":2}""");
        var listed = await socket.RequestAsync("""{"method":"LIST_SUBSCRIPTIONS","id":3}""");

        Assert.Equal("""{"result":null,"id":1}""", ok.GetRawText());
        Assert.Equal("""{"code":2,"msg":"Invalid request: too many streams","id":2}""", refused.GetRawText());
        Assert.Equal(3, listed.GetProperty("result").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_and_upper_case_stream_names_are_accepted_but_never_get_data()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet());
        using var socket = await Client.ConnectAsync(simulator.Stream("/ws"));

        var reply = await socket.RequestAsync("""{"method":"SUBSCRIBE","params":["BTCUSDT@depth@100ms","xyzusdt@depth@100ms","btcusdt@depth@100ms"],"id":1}""");
        simulator.StepMarket();
        var first = await socket.ReceiveJsonAsync();
        await socket.SendTextAsync("""{"method":"LIST_SUBSCRIPTIONS","id":2}""");
        var second = await socket.ReceiveJsonAsync();

        Assert.Equal("""{"result":null,"id":1}""", reply.GetRawText());
        Assert.Equal("BTCUSDT", first.GetProperty("s").GetString());
        Assert.Equal(JsonValueKind.Array, second.GetProperty("result").ValueKind);
        Assert.Equal(3, second.GetProperty("result").GetArrayLength());
    }
}
