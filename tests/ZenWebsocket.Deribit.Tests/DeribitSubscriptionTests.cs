using ZenWebsocket.Deribit.Tests.Support;

namespace ZenWebsocket.Deribit.Tests;

public sealed class DeribitSubscriptionTests
{
    private const string Ticker = "ticker.BTC-PERPETUAL.100ms";
    private const string Orders = "user.orders.BTC-PERPETUAL.raw";

    private static async Task<SubscriptionItem> NextDataAsync(IAsyncEnumerator<SubscriptionItem> items)
    {
        while (true)
        {
            var item = await items.NextAsync();
            if (item.IsData)
            {
                return item;
            }
        }
    }

    [Fact]
    public async Task Public_and_private_channels_are_confirmed_and_data_is_routed_by_channel()
    {
        await using var kit = await DeribitKit.CreateAsync();
        await using var orders = await kit.Adapter.SubscribeAsync(Orders).Within();
        await kit.Adapter.StartAsync().Within();
        await using var ticker = await kit.Adapter.SubscribeAsync(Ticker).Within();

        Assert.Equal(SubscriptionState.Active, orders.State);
        Assert.Equal(SubscriptionState.Active, ticker.State);
        Assert.Equal(1, kit.Simulator.RequestCount("private/subscribe"));
        Assert.Equal(1, kit.Simulator.RequestCount("public/subscribe"));
        await using var items = ticker.ReadAllAsync().GetAsyncEnumerator();
        var data = await NextDataAsync(items);
        Assert.Contains("\"channel\":\"" + Ticker + "\"", data.Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_channel_is_rejected()
    {
        await using var kit = await DeribitKit.CreateAsync();
        await kit.Adapter.StartAsync().Within();

        await Assert.ThrowsAnyAsync<Exception>(() => kit.Adapter.SubscribeAsync("ticker.NO-SUCH-INSTRUMENT.100ms").Within());
    }

    [Fact]
    public async Task After_a_forced_drop_it_reauthenticates_restores_private_and_public_channels_and_data_resumes()
    {
        await using var kit = await DeribitKit.CreateAsync(o => o.CancelOnDisconnect = true);
        await using var orders = await kit.Adapter.SubscribeAsync(Orders).Within();
        await kit.Adapter.StartAsync().Within();
        await using var ticker = await kit.Adapter.SubscribeAsync(Ticker).Within();
        await using var items = ticker.ReadAllAsync().GetAsyncEnumerator();
        await NextDataAsync(items);
        var lost = kit.Events.Next(e => e.Current == AdapterState.Reconnecting);
        var ready = kit.Events.Next(e => e.Current == AdapterState.Ready && e.Previous != AdapterState.Connecting);

        kit.Simulator.DropAll();

        await lost;
        await ready;
        Assert.Equal(2, kit.Simulator.TotalConnections);
        Assert.Equal(2, kit.Simulator.RequestCount("public/auth"));
        Assert.Equal(2, kit.Simulator.RequestCount("public/set_heartbeat"));
        Assert.Equal(2, kit.Simulator.RequestCount("private/subscribe"));
        Assert.Equal(2, kit.Simulator.RequestCount("public/subscribe"));

        // COD is per connection: re-enabled after the reconnect.
        Assert.Equal(2, kit.Simulator.RequestCount("private/enable_cancel_on_disconnect"));
        Assert.Equal(SubscriptionState.Active, orders.State);
        Assert.Equal(SubscriptionState.Active, ticker.State);

        // The stream shows the hole and the restore, then data goes on.
        var kinds = new List<SubscriptionItemKind>();
        SubscriptionItem item;
        do
        {
            item = await items.NextAsync();
            kinds.Add(item.Kind);
        }
        while (!(item.IsData && kinds.Contains(SubscriptionItemKind.Restored)));

        Assert.Contains(SubscriptionItemKind.Reconnecting, kinds);
    }
}
