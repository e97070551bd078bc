using System.Text.Json;
using ZenWebsocket.Deribit.Tests.Support;

namespace ZenWebsocket.Deribit.Tests;

public sealed class DeribitCancelOnDisconnectTests
{
    private static async Task<bool> CodEnabledAsync(DeribitAdapter adapter)
    {
        var response = await adapter.RequestRawAsync("private/get_cancel_on_disconnect", RpcParams.FromJson("{\"scope\":\"connection\"}")).Within();
        using var document = JsonDocument.Parse(response.Result);
        return document.RootElement.GetProperty("enabled").GetBoolean();
    }

    [Fact]
    public async Task Cancel_on_disconnect_cancels_resting_orders_on_a_drop_and_is_re_enabled_on_the_new_connection()
    {
        await using var kit = await DeribitKit.CreateAsync(o => o.CancelOnDisconnect = true);
        await kit.Adapter.StartAsync().Within();
        Assert.True(await CodEnabledAsync(kit.Adapter));
        await kit.Adapter.BuyAsync(new DeribitOrderRequest { InstrumentName = "BTC-PERPETUAL", Amount = 10, Price = 30_000m, Label = "cod-1" }).Within();
        Assert.Single(kit.Simulator.OpenOrders);
        var ready = kit.Events.Next(e => e.Current == AdapterState.Ready && e.Previous != AdapterState.Connecting);

        kit.Simulator.DropAll();

        await ready;
        Assert.Equal(2, kit.Simulator.RequestCount("private/enable_cancel_on_disconnect"));
        Assert.True(await CodEnabledAsync(kit.Adapter));
        Assert.Empty(await kit.Adapter.ReconcileByLabelAsync("cod-1").Within());
        Assert.Empty(kit.Simulator.OpenOrders);
    }

    [Fact]
    public async Task Logout_stops_the_adapter_without_a_reconnect_and_does_not_trigger_cancel_on_disconnect()
    {
        await using var kit = await DeribitKit.CreateAsync(o => o.CancelOnDisconnect = true);
        await kit.Adapter.StartAsync().Within();
        Assert.True(await CodEnabledAsync(kit.Adapter));
        await kit.Adapter.BuyAsync(new DeribitOrderRequest { InstrumentName = "BTC-PERPETUAL", Amount = 10, Price = 30_000m, Label = "logout-1" }).Within();
        Assert.Single(kit.Simulator.OpenOrders);

        await kit.Adapter.LogoutAsync().Within();

        Assert.Equal(AdapterState.Stopped, kit.Adapter.State);
        Assert.Equal(AdapterState.Stopped, (await kit.Adapter.Completion.Within()).Current);
        await kit.Simulator.WaitForClosedConnectionsAsync(1, Bounded.Wait);
        Assert.Equal(1, kit.Simulator.RequestCount("private/logout"));

        // A.8: logout is not a disconnect that cancels; the order rests on.
        Assert.Equal("logout-1", Assert.Single(kit.Simulator.OpenOrders).Label);
        Assert.Equal(1, kit.Simulator.TotalConnections);
        Assert.Equal(0, kit.Simulator.ConnectionCount);
        await Assert.ThrowsAsync<ZenSendException>(() => kit.Adapter.GetTimeAsync().Within());
    }

    [Fact]
    public async Task Without_the_option_cancel_on_disconnect_is_never_enabled()
    {
        await using var kit = await DeribitKit.CreateAsync();
        await kit.Adapter.StartAsync().Within();

        Assert.False(await CodEnabledAsync(kit.Adapter));
        Assert.Equal(0, kit.Simulator.RequestCount("private/enable_cancel_on_disconnect"));
    }
}
