using System.Net.WebSockets;
using ZenWebsocket.Testing.Simulators.Deribit;

namespace ZenWebsocket.Testing.Tests.Simulators.Deribit;

public class DeribitLimitTests
{
    [Fact]
    public async Task A_burst_past_the_credit_pool_gets_10028_and_the_session_is_terminated()
    {
        await using var sim = await DeribitSimulator.StartAsync(Sim.Quiet(Sim.Clock()) with { RateLimits = new DeribitRateLimitOptions() });
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);

        // 500 credits a call from a 50 000 pool: 100 calls, and the fake clock never refills it.
        for (var i = 0; i < 100; i++)
        {
            await client.ResultAsync("public/get_time");
        }

        var refused = await client.CallAsync("public/get_time");
        await client.Completion.WaitAsync(Client.Bound, TimeProvider.System);

        Assert.Equal(10028, DeribitClient.ErrorCode(refused));
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, client.CloseStatus);
    }

    [Fact]
    public async Task Credits_refill_on_the_clock_and_subscribe_has_its_own_pool()
    {
        var clock = Sim.Clock();
        await using var sim = await DeribitSimulator.StartAsync(Sim.Quiet(clock) with { RateLimits = new DeribitRateLimitOptions() });
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);

        for (var i = 0; i < 10; i++)
        {
            await client.ResultAsync("public/subscribe", new { channels = new[] { "ticker.BTC-PERPETUAL.100ms" } });
        }

        // A third of a second refills one subscribe (3 000 credits at 10 000/s); other methods were never touched.
        clock.Advance(TimeSpan.FromMilliseconds(300));
        await client.ResultAsync("public/subscribe", new { channels = new[] { "ticker.BTC-PERPETUAL.100ms" } });
        await client.ResultAsync("public/get_time");
        var refused = await client.CallAsync("public/subscribe", new { channels = new[] { "ticker.BTC-PERPETUAL.100ms" } });

        Assert.Equal(10028, DeribitClient.ErrorCode(refused));
    }

    [Fact]
    public async Task Past_the_per_IP_connection_limit_the_handshake_gets_429()
    {
        await using var sim = await DeribitSimulator.StartAsync(Sim.Quiet(Sim.Clock()) with { MaxConnectionsPerIp = 2 });
        await using var one = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        await using var two = await DeribitClient.ConnectAsync(sim.WebSocketUrl);

        using var third = new ClientWebSocket();
        third.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAnyAsync<WebSocketException>(() => third.ConnectAsync(sim.WebSocketUrl, CancellationToken.None).WaitAsync(Client.Bound, TimeProvider.System));

        Assert.Equal(429, (int)third.HttpStatusCode);
        Assert.Equal(2, sim.ConnectionCount);
    }
}
