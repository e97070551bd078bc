using System.Net.WebSockets;
using System.Text.Json.Nodes;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Testing.Tests.Binance;

public sealed class ApiRateLimitTests
{
    // 10:00:30.000 UTC: the minute bucket resets at 10:01:00.
    private static readonly DateTimeOffset MidMinute = new(2026, 3, 2, 10, 0, 30, TimeSpan.Zero);

    [Fact]
    public void Exhausting_the_request_weight_gives_429_with_retryAfter_at_the_next_minute()
    {
        using var harness = new ApiHarness(new BinanceApiOptions { RequestWeightPerMinute = 10 }, MidMinute);
        var (connection, session) = harness.Connect(); // 2

        for (var i = 0; i < 8; i++)
        {
            ApiAssert.Ok(harness.Call(connection, session, "ping"));
        }

        var refused = harness.Call(connection, session, "ping");

        ApiAssert.Error(refused, 429, -1003);
        var data = refused.GetProperty("error").GetProperty("data");
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 1, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), data.GetProperty("retryAfter").GetInt64());
        Assert.Equal(harness.NowMs, data.GetProperty("serverTime").GetInt64());
        Assert.Equal(11, refused.GetProperty("rateLimits")[0].GetProperty("count").GetInt32());

        harness.Time.Advance(TimeSpan.FromSeconds(30));
        var nextMinute = harness.Call(connection, session, "ping");
        ApiAssert.Ok(nextMinute);
        Assert.Equal(1, nextMinute.GetProperty("rateLimits")[0].GetProperty("count").GetInt32());
    }

    [Fact]
    public void Repeated_violations_ban_the_IP_with_418_and_drop_its_connections()
    {
        using var harness = new ApiHarness(new BinanceApiOptions { RequestWeightPerMinute = 4, ViolationsBeforeBan = 2 }, MidMinute);
        var (connection, session) = harness.Connect();
        var (other, _) = harness.Connect();
        var (elsewhere, elsewhereSession) = harness.Connect(ip: "10.9.9.9");
        harness.Call(connection, session, "ping"); // 2 + 2 connects + 1 = 5 > 4
        connection.Take();

        var second = harness.Call(connection, session, "ping");
        var banned = harness.Call(connection, session, "ping");

        ApiAssert.Error(second, 429, -1003);
        ApiAssert.Error(banned, 418, -1003);
        var until = harness.NowMs + 120_000;
        Assert.Equal(
            $"Way too much request weight used; IP banned until {until}. Please use WebSocket Streams for live updates to avoid bans.",
            banned.GetProperty("error").Text("msg"));
        Assert.Equal(until, banned.GetProperty("error").GetProperty("data").GetProperty("retryAfter").GetInt64());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, connection.ClosedWith);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, other.ClosedWith);
        Assert.Null(elsewhere.ClosedWith);
        ApiAssert.Ok(harness.Call(elsewhere, elsewhereSession, "ping"));

        var (late, _) = harness.Connect();
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, late.ClosedWith);
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        var (afterBan, afterBanSession) = harness.Connect();
        ApiAssert.Ok(harness.Call(afterBan, afterBanSession, "ping"));
    }

    [Fact]
    public void Orders_are_counted_per_account_in_10_second_buckets_and_shown_in_rateLimits()
    {
        using var harness = new ApiHarness(new BinanceApiOptions { OrdersPer10Seconds = 2 }, MidMinute);
        var (connection, session) = harness.Connect();

        var first = harness.Call(connection, session, "order.place", harness.Hmac(ApiHarness.Limit("BUY", "50000.00", "0.01")));
        harness.Call(connection, session, "order.place", harness.Hmac(ApiHarness.Limit("BUY", "50000.00", "0.01")));
        var third = harness.Call(connection, session, "order.place", harness.Hmac(ApiHarness.Limit("BUY", "50000.00", "0.01")));
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        var nextBucket = harness.Call(connection, session, "order.place", harness.Hmac(ApiHarness.Limit("BUY", "50000.00", "0.01")));

        var limits = first.GetProperty("rateLimits");
        Assert.Equal("ORDERS", limits[0].Text("rateLimitType"));
        Assert.Equal(10, limits[0].GetProperty("intervalNum").GetInt32());
        Assert.Equal(1, limits[0].GetProperty("count").GetInt32());
        Assert.Equal("DAY", limits[1].Text("interval"));
        Assert.Equal("REQUEST_WEIGHT", limits[2].Text("rateLimitType"));
        ApiAssert.Error(third, 429, -1015, "Too many new orders; current limit is 2 orders per 10 SECOND.");
        ApiAssert.Ok(nextBucket);
        Assert.Equal(3, harness.Engine.Orders(null).Count);
    }

    [Fact]
    public void Depth_weight_follows_the_limit()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();

        var small = harness.Call(connection, session, "depth", new JsonObject { ["symbol"] = "BTCUSDT", ["limit"] = 100 });
        var large = harness.Call(connection, session, "depth", new JsonObject { ["symbol"] = "BTCUSDT", ["limit"] = 5000 });

        Assert.Equal(7, small.GetProperty("rateLimits")[0].GetProperty("count").GetInt32());
        Assert.Equal(257, large.GetProperty("rateLimits")[0].GetProperty("count").GetInt32());
    }

    [Fact]
    public void REST_weight_added_through_the_engine_counts_against_the_same_IP_minute()
    {
        using var harness = new ApiHarness(new BinanceApiOptions { RequestWeightPerMinute = 30 }, MidMinute);
        var (connection, session) = harness.Connect();

        var (used, refusal) = harness.Engine.AddSharedWeight("10.0.0.1", 20);
        var ping = harness.Call(connection, session, "ping");

        Assert.Equal(22, used);
        Assert.Null(refusal);
        Assert.Equal(23, ping.GetProperty("rateLimits")[0].GetProperty("count").GetInt32());
    }
}
