using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Deribit.Tests.Support;
using ZenWebsocket.Testing.Simulators.Deribit;

namespace ZenWebsocket.Deribit.Tests;

public sealed class DeribitHeartbeatTests
{
    [Fact]
    public async Task A_silent_link_is_declared_dead_after_the_heartbeat_timeout_and_the_adapter_reconnects_reauthenticates_and_resubscribes()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var kit = await DeribitKit.CreateAsync(
            o =>
            {
                o.TimeProvider = time;
                o.HeartbeatInterval = TimeSpan.FromSeconds(10);
            },
            new DeribitSimulatorOptions { GenerateMarketData = false });
        await kit.Adapter.StartAsync().Within();
        await using var orders = await kit.Adapter.SubscribeAsync("user.orders.BTC-PERPETUAL.raw").Within();
        Assert.Equal(1, kit.Simulator.RequestCount("private/subscribe"));
        var ready = kit.Events.Next(e => e.Current == AdapterState.Ready && e.Previous != AdapterState.Connecting);

        kit.Simulator.GoSilent();

        // The silence limit is twice the interval: one tick short of it the link still counts as alive.
        time.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(AdapterState.Ready, kit.Adapter.State);
        Assert.Equal(1, kit.Simulator.TotalConnections);
        time.Advance(TimeSpan.FromSeconds(2));

        await ready;
        Assert.Equal(2, kit.Simulator.TotalConnections);
        Assert.Equal(2, kit.Simulator.RequestCount("public/auth"));
        Assert.Equal(2, kit.Simulator.RequestCount("public/set_heartbeat"));
        Assert.Equal(2, kit.Simulator.RequestCount("private/subscribe"));
        Assert.Equal(1, kit.Adapter.GetDiagnostics().Reconnects);
        Assert.Equal(AdapterState.Ready, kit.Adapter.State);
    }
}
