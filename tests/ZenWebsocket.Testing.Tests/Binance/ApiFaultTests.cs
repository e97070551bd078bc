using System.Text.Json;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Testing.Tests.Binance;

public sealed class ApiFaultTests
{
    [Fact]
    public void DropAfterExecuting_places_the_order_but_aborts_the_connection_without_an_answer_or_close_frame()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        harness.Call(connection, session, "userDataStream.subscribe.signature", harness.Hmac([]));
        harness.Engine.DropAfterExecuting("order.place", 1);

        var frames = harness.Send(connection, session, "order.place", harness.Hmac(ApiHarness.Limit("BUY", "50000.00", "0.01")));

        Assert.Empty(frames);
        Assert.True(connection.Aborted);
        Assert.Null(connection.ClosedWith);
        Assert.Equal("NEW", Assert.Single(harness.Engine.Orders(null)).Status);

        var (next, nextSession) = harness.Connect();
        ApiAssert.Ok(harness.Call(next, nextSession, "order.place", harness.Hmac(ApiHarness.Limit("BUY", "50000.00", "0.01"))));
    }

    [Fact]
    public void A_revoked_key_ends_the_logged_on_session_with_an_id_less_401()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        harness.Call(connection, session, "session.logon", harness.Ed25519([]));
        harness.Call(connection, session, "userDataStream.subscribe");
        harness.Engine.RevokeKey(BinanceSimKeys.Ed25519ApiKey);

        var frames = harness.Send(connection, session, "account.status", harness.Timestamped([]));
        var status = harness.Call(connection, session, "session.status").Result();
        var explicitUse = harness.Call(connection, session, "account.status", harness.Ed25519([]));

        var error = frames.Single(f => f.TryGetProperty("status", out _));
        Assert.Equal(JsonValueKind.Null, error.GetProperty("id").ValueKind);
        ApiAssert.Error(error, 401, -2015, "Invalid API-key, IP, or permissions for action.");
        Assert.Equal("eventStreamTerminated", frames.Events().Single().Text("e"));
        Assert.Equal(JsonValueKind.Null, status.GetProperty("apiKey").ValueKind);
        ApiAssert.Error(explicitUse, 401, -2015);
    }

    [Fact]
    public async Task WaitForApiRequests_completes_when_the_count_is_reached()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        var wait = harness.Engine.WaitForRequestsAsync("ping", 2, CancellationToken.None);

        harness.Call(connection, session, "ping");
        Assert.False(wait.IsCompleted);
        harness.Call(connection, session, "v3/ping");

        await wait.WaitAsync(Client.Bound, TimeProvider.System);
        Assert.Equal(2, harness.Engine.RequestsReceived("ping"));
    }

    [Fact]
    public void An_injected_timeout_after_executing_answers_1007_while_the_order_lives()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        const string Timeout = "Timeout waiting for response from backend server. Send status unknown; execution status unknown.";
        harness.Engine.InjectError("order.place", new ApiInjectedError(408, -1007, Timeout, Execute: true), 1);

        var first = harness.Call(connection, session, "order.place", harness.Hmac(ApiHarness.Limit("BUY", "50000.00", "0.01")));
        var second = harness.Call(connection, session, "order.place", harness.Hmac(ApiHarness.Limit("BUY", "50000.00", "0.01")));

        ApiAssert.Error(first, 408, -1007, Timeout);
        ApiAssert.Ok(second);
        Assert.Equal(2, harness.Engine.Orders("BTCUSDT").Count);
    }
}
