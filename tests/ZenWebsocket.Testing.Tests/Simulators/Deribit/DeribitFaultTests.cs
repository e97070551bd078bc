using System.Net.WebSockets;
using System.Text.Json;
using ZenWebsocket.Testing.Simulators.Deribit;

namespace ZenWebsocket.Testing.Tests.Simulators.Deribit;

public class DeribitFaultTests
{
    [Fact]
    public async Task DropAllConnections_cuts_every_socket_without_a_close_frame()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        await client.ResultAsync("public/test");

        sim.DropAllConnections();
        await client.Completion.WaitAsync(Client.Bound, TimeProvider.System);
        await sim.WaitForClosedConnectionsAsync(1, Client.Bound);

        Assert.Null(client.CloseStatus);
        Assert.Equal(0, sim.ConnectionCount);
    }

    [Fact]
    public async Task GoSilent_keeps_TCP_but_answers_nothing()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        await client.ResultAsync("public/test");

        sim.GoSilent();
        await client.SendRawAsync("""{"jsonrpc":"2.0","id":77,"method":"public/test","params":{}}""");

        Assert.True(await client.NothingAsync(m => m.TryGetProperty("id", out _)));
        Assert.False(client.Completion.IsCompleted);
        Assert.Equal(1, sim.ConnectionCount);
    }

    [Fact]
    public async Task DelayResponses_holds_answers_until_the_clock_moves()
    {
        var clock = new SignalingFakeTimeProvider();
        clock.SetUtcNow(Sim.Start);
        await using var sim = await Sim.StartQuietAsync(clock);
        await clock.NextTimerAsync(); // the market-data timer
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);

        sim.DelayResponses(TimeSpan.FromSeconds(2));
        var pending = client.CallAsync("public/get_time");
        Assert.Equal(TimeSpan.FromSeconds(2), await clock.NextTimerAsync());
        Assert.True(await Client.IsStillPendingAsync(pending));
        clock.Advance(TimeSpan.FromSeconds(2));

        var response = await pending;
        Assert.Equal(Sim.Start.ToUnixTimeMilliseconds() * 1000, response.GetProperty("usIn").GetInt64());
        Assert.Equal(2_000_000, response.GetProperty("usDiff").GetInt64());
    }

    [Fact]
    public async Task RefuseHandshakes_answers_the_status_until_accepted_again()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        sim.RefuseHandshakes(503);

        using var refused = new ClientWebSocket();
        refused.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAnyAsync<WebSocketException>(() => refused.ConnectAsync(sim.WebSocketUrl, CancellationToken.None).WaitAsync(Client.Bound, TimeProvider.System));
        sim.AcceptHandshakes();
        await using var accepted = await DeribitClient.ConnectAsync(sim.WebSocketUrl);

        Assert.Equal(503, (int)refused.HttpStatusCode);
        await accepted.ResultAsync("public/test");
    }

    [Fact]
    public async Task A_malformed_frame_fails_the_client_connection()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        using var socket = await Client.ConnectAsync(sim.WebSocketUrl);

        await sim.SendMalformedFrameAsync();

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ReceiveMessageAsync().Bounded());
    }

    [Fact]
    public async Task Malformed_json_arrives_as_a_text_frame()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        using var socket = await Client.ConnectAsync(sim.WebSocketUrl);

        sim.SendMalformedJson();
        var text = await socket.ReceiveTextAsync();

        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task Maintenance_is_announced_locks_status_and_refuses_trading()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        await client.AuthAsync();
        await client.ResultAsync("public/subscribe", new { channels = new[] { "platform_state" } });

        sim.AnnounceMaintenance();
        var notice = await client.NotificationAsync("platform_state");
        var status = await client.ResultAsync("public/status");
        var buy = await client.CallAsync("private/buy", new { instrument_name = "BTC-PERPETUAL", amount = 10, price = 50_000 });
        sim.EndMaintenance();
        var after = await client.ResultAsync("private/buy", new { instrument_name = "BTC-PERPETUAL", amount = 10, price = 50_000 });

        Assert.True(notice.GetProperty("locked").GetBoolean());
        Assert.Equal("true", status.GetProperty("locked").GetString());
        Assert.Equal(11051, DeribitClient.ErrorCode(buy));
        Assert.Equal("open", after.GetProperty("order").GetProperty("order_state").GetString());
    }
}
