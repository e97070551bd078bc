using System.Text.Json;

namespace ZenWebsocket.Testing.Tests.Simulators.Deribit;

public class DeribitHeartbeatTests
{
    private static bool IsHeartbeat(JsonElement m, string type) =>
        m.TryGetProperty("method", out var method) && method.GetString() == "heartbeat" && m.GetProperty("params").GetProperty("type").GetString() == type;

    [Fact]
    public async Task An_interval_below_10_s_is_refused()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);

        var response = await client.CallAsync("public/set_heartbeat", new { interval = 5 });

        Assert.Equal(-32602, DeribitClient.ErrorCode(response));
    }

    [Fact]
    public async Task An_answered_test_request_keeps_the_connection_and_activity_gets_plain_heartbeats()
    {
        var clock = Sim.Clock();
        await using var sim = await Sim.StartQuietAsync(clock);
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        Assert.Equal("ok", (await client.ResultAsync("public/set_heartbeat", new { interval = 10 })).GetString());

        clock.Advance(TimeSpan.FromSeconds(10));
        await client.NextAsync(m => IsHeartbeat(m, "test_request"));
        await client.ResultAsync("public/test");
        clock.Advance(TimeSpan.FromSeconds(10));
        await client.NextAsync(m => IsHeartbeat(m, "heartbeat"));
        clock.Advance(TimeSpan.FromSeconds(10));
        await client.NextAsync(m => IsHeartbeat(m, "test_request"));
        await client.ResultAsync("public/test");

        Assert.False(client.Completion.IsCompleted);
        Assert.Equal(1, sim.ConnectionCount);
    }

    [Fact]
    public async Task An_unanswered_test_request_closes_the_connection()
    {
        var clock = Sim.Clock();
        await using var sim = await Sim.StartQuietAsync(clock);
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        await client.ResultAsync("public/set_heartbeat", new { interval = 10 });

        clock.Advance(TimeSpan.FromSeconds(10));
        await client.NextAsync(m => IsHeartbeat(m, "test_request"));
        clock.Advance(TimeSpan.FromSeconds(10));

        await client.Completion.WaitAsync(Client.Bound, TimeProvider.System);
        await sim.WaitForClosedConnectionsAsync(1, Client.Bound);
        Assert.Equal(0, sim.ConnectionCount);
    }

    [Fact]
    public async Task Disable_heartbeat_stops_both_messages()
    {
        var clock = Sim.Clock();
        await using var sim = await Sim.StartQuietAsync(clock);
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        await client.ResultAsync("public/set_heartbeat", new { interval = 10 });

        Assert.Equal("ok", (await client.ResultAsync("public/disable_heartbeat")).GetString());
        clock.Advance(TimeSpan.FromSeconds(60));

        Assert.True(await client.NothingAsync(m => m.TryGetProperty("method", out var method) && method.GetString() == "heartbeat"));
        Assert.False(client.Completion.IsCompleted);
    }
}
