using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Testing.Tests.Binance;

public class BinanceHostingTests
{
    [Fact]
    public async Task The_urls_share_one_port_and_name_each_role()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet());

        Assert.Equal($"ws://127.0.0.1:{simulator.Port}/", simulator.StreamUrl.ToString());
        Assert.Equal($"ws://127.0.0.1:{simulator.Port}/ws-api/v3", simulator.ApiUrl.ToString());
        Assert.Equal($"http://127.0.0.1:{simulator.Port}/", simulator.RestUrl.ToString());
    }

    [Fact]
    public async Task A_websocket_api_connection_reaches_the_api_engine_and_is_counted()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet());
        using var socket = await Client.ConnectAsync(simulator.ApiUrl);
        await simulator.WaitForApiConnectionsAsync(1).Bounded();

        var reply = await socket.RequestAsync("""{"id":"conn-1","method":"ping"}""");

        Assert.Equal("conn-1", reply.GetProperty("id").GetString());
        Assert.Equal(1, simulator.OpenApiConnections);
        Assert.Equal(1, simulator.AcceptedApiConnections);
        Assert.Equal(0, simulator.AcceptedStreamConnections);
    }

    [Fact]
    public async Task A_fake_clock_drives_the_generator_and_stamps_the_events()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_770_000_000_000));
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet(time) with { GenerateMarketData = true, MarketDataInterval = TimeSpan.FromMilliseconds(100) });
        using var socket = await Client.ConnectAsync(simulator.Stream("/ws/btcusdt@depth@100ms"));
        await simulator.WaitForStreamConnectionsAsync(1).Bounded();

        time.Advance(TimeSpan.FromMilliseconds(100));
        var update = await socket.ReceiveJsonAsync();

        Assert.Equal(1_770_000_000_100, update.GetProperty("E").GetInt64());
    }

    [Fact]
    public async Task A_delayed_handshake_completes_only_when_the_delay_has_passed()
    {
        var time = new SignalingFakeTimeProvider();
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet(time) with { PingInterval = TimeSpan.FromHours(1), ConnectionLifetime = TimeSpan.FromHours(2) });
        simulator.DelayHandshakes(TimeSpan.FromSeconds(5));

        var connect = Client.ConnectAsync(simulator.Stream("/ws"));
        Assert.Equal(TimeSpan.FromSeconds(5), await time.NextTimerAsync());
        Assert.False(connect.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        using var socket = await connect.Bounded();

        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, socket.State);
    }
}
