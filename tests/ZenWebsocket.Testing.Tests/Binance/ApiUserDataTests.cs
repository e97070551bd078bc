using System.Text.Json.Nodes;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Testing.Tests.Binance;

public sealed class ApiUserDataTests
{
    [Fact]
    public void Subscribe_needs_a_logon_and_then_gives_subscription_id_0()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();

        var before = harness.Call(connection, session, "userDataStream.subscribe");
        harness.Call(connection, session, "session.logon", harness.Ed25519([]));
        var after = harness.Call(connection, session, "userDataStream.subscribe");
        var status = harness.Call(connection, session, "session.status").Result();

        ApiAssert.Error(before, 401, -2015);
        Assert.Equal(0, after.Result().GetProperty("subscriptionId").GetInt32());
        Assert.True(status.GetProperty("userDataStream").GetBoolean());
    }

    [Fact]
    public void A_second_subscription_for_the_same_account_on_one_connection_gets_2035()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        harness.Call(connection, session, "session.logon", harness.Ed25519([]));
        harness.Call(connection, session, "userDataStream.subscribe");

        var again = harness.Call(connection, session, "userDataStream.subscribe.signature", harness.Hmac([]));

        ApiAssert.Error(again, 400, -2035, "User Data Stream subscription already active.");
    }

    [Fact]
    public void Subscribing_by_signature_works_for_several_accounts_and_ids_count_from_0()
    {
        using var harness = TwoAccounts();
        var (connection, session) = harness.Connect();

        var first = harness.Call(connection, session, "userDataStream.subscribe.signature", harness.Hmac([]));
        var second = harness.Call(connection, session, "userDataStream.subscribe.signature", harness.Hmac([], "second-key", "second-secret"));
        var list = harness.Call(connection, session, "session.subscriptions").Result();
        harness.Engine.Deposit("USDT", 5m, "second");
        var events = connection.Take();

        Assert.Equal(0, first.Result().GetProperty("subscriptionId").GetInt32());
        Assert.Equal(1, second.Result().GetProperty("subscriptionId").GetInt32());
        Assert.Equal([0, 1], list.EnumerateArray().Select(s => s.GetProperty("subscriptionId").GetInt32()));
        Assert.All(events, e => Assert.Equal(1, e.GetProperty("subscriptionId").GetInt32()));
        Assert.Equal(["balanceUpdate", "outboundAccountPosition"], events.Events().Select(e => e.Text("e")));
        Assert.Equal(5m, events.Events().First().Amount("d"));
        Assert.Equal(15m, harness.Engine.Balance("USDT", "second"));
    }

    [Fact]
    public void Unsubscribe_ends_the_stream_with_eventStreamTerminated_and_an_unknown_id_gets_2036()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        harness.Call(connection, session, "userDataStream.subscribe.signature", harness.Hmac([]));

        var frames = harness.Send(connection, session, "userDataStream.unsubscribe", new JsonObject { ["subscriptionId"] = 0 });
        var unknown = harness.Call(connection, session, "userDataStream.unsubscribe", new JsonObject { ["subscriptionId"] = 0 });
        harness.Engine.Deposit("BTC", 1m, "default");

        Assert.Equal("eventStreamTerminated", frames.Events().Single().Text("e"));
        ApiAssert.Ok(frames.Single(f => f.TryGetProperty("status", out _)));
        ApiAssert.Error(unknown, 400, -2036);
        Assert.Empty(connection.Frames);
    }

    [Fact]
    public void Logout_ends_the_logon_subscription_but_keeps_a_signature_one()
    {
        using var harness = TwoAccounts();
        var (connection, session) = harness.Connect();
        harness.Call(connection, session, "session.logon", harness.Ed25519([]));
        harness.Call(connection, session, "userDataStream.subscribe");
        harness.Call(connection, session, "userDataStream.subscribe.signature", harness.Hmac([], "second-key", "second-secret"));

        var frames = harness.Send(connection, session, "session.logout");
        var left = harness.Call(connection, session, "session.subscriptions").Result();

        var terminated = Assert.Single(frames, f => f.TryGetProperty("event", out _));
        Assert.Equal(0, terminated.GetProperty("subscriptionId").GetInt32());
        Assert.Equal("eventStreamTerminated", terminated.GetProperty("event").Text("e"));
        Assert.Equal(1, Assert.Single(left.EnumerateArray()).GetProperty("subscriptionId").GetInt32());
    }

    [Fact]
    public void Events_reach_every_connection_subscribed_to_the_account()
    {
        using var harness = new ApiHarness();
        var (trader, traderSession) = harness.Connect();
        var (watcher, watcherSession) = harness.Connect();
        harness.Call(watcher, watcherSession, "userDataStream.subscribe.signature", harness.Rsa([]));

        harness.Call(trader, traderSession, "order.place", harness.Hmac(ApiHarness.Limit("BUY", "50000.00", "0.01")));
        var events = watcher.Take().Events().ToList();

        Assert.Equal("executionReport", events[0].Text("e"));
        Assert.Equal("NEW", events[0].Text("X"));
        Assert.True(events[0].GetProperty("w").GetBoolean());
        Assert.Equal("outboundAccountPosition", events[1].Text("e"));
    }

    /// <summary>A harness with the default account and a "second" one (10 USDT, HMAC key "second-key"/"second-secret").</summary>
    private static ApiHarness TwoAccounts()
    {
        var second = new BinanceSimAccount(
            "second",
            new Dictionary<string, decimal> { ["USDT"] = 10m },
            [new BinanceSimApiKey("second-key", BinanceSimKeyType.Hmac, "second-secret")]);
        return new ApiHarness(new BinanceApiOptions { Accounts = [BinanceSimAccount.Default, second] });
    }
}
