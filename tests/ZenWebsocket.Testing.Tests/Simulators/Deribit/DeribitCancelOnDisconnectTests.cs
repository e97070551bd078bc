namespace ZenWebsocket.Testing.Tests.Simulators.Deribit;

public class DeribitCancelOnDisconnectTests
{
    private const string Perp = "BTC-PERPETUAL";

    [Fact]
    public async Task A_dropped_connection_cancels_its_orders_with_reason_cancel_on_disconnect()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var bot = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        await using var watcher = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        await bot.AuthAsync();
        await watcher.AuthAsync();
        await watcher.ResultAsync("private/subscribe", new { channels = new[] { $"user.orders.{Perp}.raw" } });
        Assert.Equal("ok", (await bot.ResultAsync("private/enable_cancel_on_disconnect", new { scope = "connection" })).GetString());
        var state = await bot.ResultAsync("private/get_cancel_on_disconnect");
        var id = (await bot.ResultAsync("private/buy", new { instrument_name = Perp, amount = 10, price = 50_000 })).GetProperty("order").GetProperty("order_id").GetString();
        await watcher.NotificationAsync($"user.orders.{Perp}.raw", o => o.GetProperty("order_state").GetString() == "open");

        bot.Abort();
        var cancelled = await watcher.NotificationAsync($"user.orders.{Perp}.raw", o => o.GetProperty("order_state").GetString() == "cancelled");

        Assert.True(state.GetProperty("enabled").GetBoolean());
        Assert.Equal(id, cancelled.GetProperty("order_id").GetString());
        Assert.Equal("cancel_on_disconnect", cancelled.GetProperty("cancel_reason").GetString());
        Assert.Empty(sim.OpenOrders);
    }

    [Fact]
    public async Task Logout_does_not_cancel()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var bot = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        await bot.AuthAsync();
        await bot.ResultAsync("private/enable_cancel_on_disconnect");
        await bot.ResultAsync("private/buy", new { instrument_name = Perp, amount = 10, price = 50_000 });

        await bot.SendRawAsync("""{"jsonrpc":"2.0","id":50,"method":"private/logout","params":{"invalidate_token":false}}""");
        await sim.WaitForClosedConnectionsAsync(1, Client.Bound);

        Assert.Single(sim.OpenOrders);
    }

    [Fact]
    public async Task Account_scope_carries_over_to_the_next_connection()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using (var first = await DeribitClient.ConnectAsync(sim.WebSocketUrl))
        {
            await first.AuthAsync();
            await first.ResultAsync("private/enable_cancel_on_disconnect", new { scope = "account" });
            await first.ResultAsync("private/disable_cancel_on_disconnect", new { scope = "connection" });
        }

        await using var second = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        await second.AuthAsync();
        var connection = await second.ResultAsync("private/get_cancel_on_disconnect", new { scope = "connection" });
        var account = await second.ResultAsync("private/get_cancel_on_disconnect", new { scope = "account" });
        await second.ResultAsync("private/buy", new { instrument_name = Perp, amount = 10, price = 50_000 });
        second.Abort();
        await sim.WaitForClosedConnectionsAsync(2, Client.Bound);

        Assert.True(connection.GetProperty("enabled").GetBoolean());
        Assert.Equal("account", account.GetProperty("scope").GetString());
        Assert.Empty(sim.OpenOrders);
    }
}
