using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Testing.Tests.Binance;

/// <summary>The WebSocket API through the real host: a ClientWebSocket on 127.0.0.1 against <see cref="BinanceSimulator"/>.</summary>
public sealed class ApiEndToEndTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 30, TimeSpan.Zero);

    private static int _id;

    [Fact]
    public async Task An_HMAC_signed_order_over_a_socket_rests_and_shows_in_the_simulator()
    {
        var time = new FakeTimeProvider(Start);
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet(time));
        using var socket = await Client.ConnectAsync(simulator.ApiUrl);

        var response = await socket.CallAsync("order.place", Hmac(ApiHarness.Limit("BUY", "1000.00", "0.01"), time));

        ApiAssert.Ok(response);
        Assert.Equal("NEW", response.Result().Text("status"));
        var order = Assert.Single(simulator.Orders("BTCUSDT"));
        Assert.Equal(response.Result().GetProperty("orderId").GetInt64(), order.OrderId);
        Assert.Equal(10m, simulator.LockedBalance("USDT"));
        Assert.Equal(99_990m, simulator.Balance("USDT"));
        Assert.Equal(1, simulator.ApiRequestsReceived("order.place"));
        var weight = response.GetProperty("rateLimits").EnumerateArray().Single(l => l.Text("rateLimitType") == "REQUEST_WEIGHT");
        Assert.Equal(3, weight.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_logged_on_user_data_stream_sees_the_fill_and_a_deposit()
    {
        var time = new FakeTimeProvider(Start);
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet(time));
        using var socket = await Client.ConnectAsync(simulator.ApiUrl);
        ApiAssert.Ok(await socket.CallAsync("session.logon", Signed(new JsonObject(), time, BinanceSimKeys.Ed25519ApiKey, ApiHarness.Ed25519Sign)));
        var subscribed = await socket.CallAsync("userDataStream.subscribe", null);
        Assert.Equal(0, subscribed.Result().GetProperty("subscriptionId").GetInt32());

        var placed = await socket.CallAsync("order.place", Timestamped(ApiHarness.Limit("SELL", "1000000.00", "0.1"), time));
        Assert.Equal("NEW", placed.Result().Text("status"));
        Assert.Equal("NEW", (await socket.NextEventAsync()).Text("x"));
        Assert.Equal("outboundAccountPosition", (await socket.NextEventAsync()).Text("e"));

        simulator.FillOpenOrders("BTCUSDT");
        var trade = await socket.NextEventAsync();
        var position = await socket.NextEventAsync();
        simulator.Deposit("USDT", 250m);
        var deposit = await socket.NextEventAsync();

        Assert.Equal("TRADE", trade.Text("x"));
        Assert.Equal("FILLED", trade.Text("X"));
        Assert.Equal("outboundAccountPosition", position.Text("e"));
        Assert.Equal("balanceUpdate", deposit.Text("e"));
        Assert.Equal(100_000m + 100_000m + 250m, simulator.Balance("USDT"));
    }

    [Fact]
    public async Task Dropping_after_executing_cuts_the_socket_without_a_close_frame_yet_the_order_exists()
    {
        var time = new FakeTimeProvider(Start);
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet(time));
        using var socket = await Client.ConnectAsync(simulator.ApiUrl);
        simulator.DropApiConnectionAfterExecuting("order.place");

        await socket.SendTextAsync(Request("order.place", Hmac(ApiHarness.Limit("BUY", "1000.00", "0.01"), time)));
        await Client.AssertFaultsAsync(socket.ReceiveMessageAsync());
        await simulator.WaitForApiRequestsAsync("order.place", 1).Bounded();

        Assert.NotEqual(WebSocketState.CloseReceived, socket.State);
        Assert.Null(socket.CloseStatus);
        Assert.Equal("NEW", Assert.Single(simulator.Orders()).Status);
    }

    [Fact]
    public async Task A_revoked_key_gets_the_id_less_401_on_the_next_request()
    {
        var time = new FakeTimeProvider(Start);
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet(time));
        using var socket = await Client.ConnectAsync(simulator.ApiUrl);
        ApiAssert.Ok(await socket.CallAsync("session.logon", Signed(new JsonObject(), time, BinanceSimKeys.Ed25519ApiKey, ApiHarness.Ed25519Sign)));

        simulator.RevokeApiKey(BinanceSimKeys.Ed25519ApiKey);
        await socket.SendTextAsync(Request("account.status", Timestamped(new JsonObject(), time)));
        var revoked = await socket.ReceiveJsonAsync();

        Assert.Equal(JsonValueKind.Null, revoked.GetProperty("id").ValueKind);
        ApiAssert.Error(revoked, 401, -2015);
    }

    [Fact]
    public async Task A_banned_IP_gets_418_and_its_socket_is_closed()
    {
        var time = new FakeTimeProvider(Start);
        var options = BinanceTestKit.Quiet(time) with { Api = new BinanceApiOptions { RequestWeightPerMinute = 3, ViolationsBeforeBan = 1 } };
        await using var simulator = await BinanceSimulator.StartAsync(options);
        using var socket = await Client.ConnectAsync(simulator.ApiUrl);

        ApiAssert.Ok(await socket.CallAsync("ping", null));
        ApiAssert.Error(await socket.CallAsync("ping", null), 429, -1003);
        ApiAssert.Error(await socket.CallAsync("ping", null), 418, -1003);

        var closing = await socket.ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Close, closing.Type);
    }

    internal static JsonObject Hmac(JsonObject parameters, TimeProvider time) =>
        Signed(parameters, time, BinanceSimKeys.HmacApiKey, p => ApiHarness.HmacHex(BinanceSimKeys.HmacSecret, p));

    private static JsonObject Signed(JsonObject parameters, TimeProvider time, string apiKey, Func<string, string> sign)
    {
        parameters["apiKey"] = apiKey;
        parameters["timestamp"] = time.GetUtcNow().ToUnixTimeMilliseconds();
        parameters["signature"] = sign(ApiHarness.Payload(parameters));
        return parameters;
    }

    private static JsonObject Timestamped(JsonObject parameters, TimeProvider time)
    {
        parameters["timestamp"] = time.GetUtcNow().ToUnixTimeMilliseconds();
        return parameters;
    }

    internal static string Request(string method, JsonObject? parameters)
    {
        var request = new JsonObject { ["id"] = "req-" + Interlocked.Increment(ref _id), ["method"] = method };
        if (parameters is not null)
        {
            request["params"] = parameters;
        }

        return request.ToJsonString();
    }
}

/// <summary>Socket helpers for the WebSocket API.</summary>
internal static class ApiSocket
{
    /// <summary>Sends a request and returns the frame answering it (events in between are skipped).</summary>
    public static async Task<JsonElement> CallAsync(this WebSocket socket, string method, JsonObject? parameters)
    {
        var text = ApiEndToEndTests.Request(method, parameters);
        var id = JsonNode.Parse(text)!["id"]!.GetValue<string>();
        await socket.SendTextAsync(text);
        while (true)
        {
            var frame = await socket.ReceiveJsonAsync();
            if (frame.TryGetProperty("id", out var got) && got.ValueKind == JsonValueKind.String && got.GetString() == id)
            {
                return frame;
            }
        }
    }

    public static async Task<JsonElement> NextEventAsync(this WebSocket socket)
    {
        while (true)
        {
            var frame = await socket.ReceiveJsonAsync();
            if (frame.TryGetProperty("event", out var payload))
            {
                return payload;
            }
        }
    }
}
