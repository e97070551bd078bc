using System.Text.Json;
using System.Text.Json.Nodes;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Testing.Tests.Binance;

public sealed class ApiSessionTests
{
    [Fact]
    public void After_an_Ed25519_logon_an_order_needs_only_a_timestamp()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();

        var logon = harness.Call(connection, session, "session.logon", harness.Ed25519([]));
        var order = harness.Call(connection, session, "order.place", harness.Timestamped(ApiHarness.Limit("BUY", "50000.00", "0.01")));

        ApiAssert.Ok(logon);
        Assert.Equal(BinanceSimKeys.Ed25519ApiKey, logon.Result().Text("apiKey"));
        Assert.Equal(harness.NowMs, logon.Result().GetProperty("authorizedSince").GetInt64());
        Assert.False(logon.Result().GetProperty("userDataStream").GetBoolean());
        ApiAssert.Ok(order);
    }

    [Fact]
    public void A_logged_on_request_still_needs_its_timestamp()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        harness.Call(connection, session, "session.logon", harness.Ed25519([]));

        var response = harness.Call(connection, session, "account.status", []);

        ApiAssert.Error(response, 400, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
    }

    [Fact]
    public void Logon_with_an_HMAC_key_is_refused()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();

        ApiAssert.Error(harness.Call(connection, session, "session.logon", harness.Hmac([])), 401, -2015);
    }

    [Fact]
    public void Session_status_and_logout_report_the_session_object()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        var before = harness.Call(connection, session, "session.status").Result();
        harness.Call(connection, session, "session.logon", harness.Ed25519([]));

        var during = harness.Call(connection, session, "session.status").Result();
        var logout = harness.Call(connection, session, "session.logout").Result();
        var after = harness.Call(connection, session, "account.status", harness.Timestamped([]));

        Assert.Equal(JsonValueKind.Null, before.GetProperty("apiKey").ValueKind);
        Assert.Equal(BinanceSimKeys.Ed25519ApiKey, during.Text("apiKey"));
        Assert.Equal(harness.NowMs, during.GetProperty("connectedSince").GetInt64());
        Assert.Equal(JsonValueKind.Null, logout.GetProperty("apiKey").ValueKind);
        Assert.Equal(JsonValueKind.Null, logout.GetProperty("authorizedSince").ValueKind);
        ApiAssert.Error(after, 400, -1102);
    }

    [Fact]
    public void Ping_time_depth_and_exchangeInfo_answer_in_the_envelope()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();

        var ping = harness.Call(connection, session, "ping");
        var time = harness.Call(connection, session, "time");
        var depth = harness.Call(connection, session, "depth", new JsonObject { ["symbol"] = "BTCUSDT", ["limit"] = 5 });
        var info = harness.Call(connection, session, "exchangeInfo", new JsonObject { ["symbol"] = "ETHUSDT" });

        ApiAssert.Ok(ping);
        Assert.Empty(ping.Result().EnumerateObject());
        Assert.Equal(harness.NowMs, time.Result().GetProperty("serverTime").GetInt64());
        Assert.Equal(77, depth.Result().GetProperty("lastUpdateId").GetInt64());
        Assert.Equal("60000.01000000", depth.Result().GetProperty("asks")[0][0].GetString());
        var symbol = Assert.Single(info.Result().GetProperty("symbols").EnumerateArray());
        Assert.Equal("ETHUSDT", symbol.Text("symbol"));
        Assert.Equal("PRICE_FILTER", symbol.GetProperty("filters")[0].Text("filterType"));
        // Weight so far: connect 2 + ping 1 + time 1 + depth 5 + exchangeInfo 20.
        var weight = info.GetProperty("rateLimits").EnumerateArray().Single(l => l.Text("rateLimitType") == "REQUEST_WEIGHT");
        Assert.Equal(29, weight.GetProperty("count").GetInt32());
    }

    [Fact]
    public void Unknown_symbols_methods_and_malformed_frames_get_errors()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();

        var badSymbol = harness.Call(connection, session, "depth", new JsonObject { ["symbol"] = "NOPE" });
        var unknown = harness.Call(connection, session, "nothing.here");
        harness.Engine.Receive(session, "{not json");
        var malformed = Assert.Single(connection.Take());
        harness.Engine.Receive(session, """{"id":"no-method"}""");
        var noMethod = Assert.Single(connection.Take());

        ApiAssert.Error(badSymbol, 400, -1121, "Invalid symbol.");
        ApiAssert.Error(unknown, 400, -1000);
        ApiAssert.Error(malformed, 400, -1000);
        Assert.Equal(JsonValueKind.Null, malformed.GetProperty("id").ValueKind);
        ApiAssert.Error(noMethod, 400, -1000);
        Assert.Equal("no-method", noMethod.Text("id"));
    }

    [Fact]
    public void RateLimits_are_hidden_per_connection_by_the_url_and_per_request_by_the_param()
    {
        using var harness = new ApiHarness();
        var (quiet, quietSession) = harness.Connect(query: new Dictionary<string, string> { ["returnRateLimits"] = "false" });
        var (normal, normalSession) = harness.Connect();

        var hidden = harness.Call(quiet, quietSession, "ping");
        var optedIn = harness.Call(quiet, quietSession, "ping", new JsonObject { ["returnRateLimits"] = true });
        var shown = harness.Call(normal, normalSession, "ping");
        var optedOut = harness.Call(normal, normalSession, "ping", new JsonObject { ["returnRateLimits"] = false });

        Assert.False(hidden.TryGetProperty("rateLimits", out _));
        Assert.True(optedIn.TryGetProperty("rateLimits", out _));
        Assert.True(shown.TryGetProperty("rateLimits", out _));
        Assert.False(optedOut.TryGetProperty("rateLimits", out _));
    }

    [Fact]
    public void The_request_id_is_echoed_verbatim_whether_string_or_number()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();

        harness.Engine.Receive(session, """{"id":"e2a85d9f-07a5","method":"ping"}""");
        harness.Engine.Receive(session, """{"id":9007199254740993,"method":"ping"}""");
        var frames = connection.Take();

        Assert.Equal("e2a85d9f-07a5", frames[0].Text("id"));
        Assert.Equal(9007199254740993, frames[1].GetProperty("id").GetInt64());
    }

    [Fact]
    public void A_MICROSECOND_connection_gets_result_and_event_times_in_microseconds()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect(query: new Dictionary<string, string> { ["timeUnit"] = "MICROSECOND" });
        harness.Call(connection, session, "userDataStream.subscribe.signature", harness.Hmac([]));

        var time = harness.Call(connection, session, "time").Result();
        var status = harness.Call(connection, session, "session.status").Result();
        harness.Engine.Deposit("BTC", 1m, "default");
        var deposit = connection.Take().Events().First();

        Assert.Equal(harness.NowMs * 1000, time.GetProperty("serverTime").GetInt64());
        Assert.Equal(harness.NowMs * 1000, status.GetProperty("connectedSince").GetInt64());
        Assert.Equal(harness.NowMs * 1000, deposit.GetProperty("E").GetInt64());
    }
}
