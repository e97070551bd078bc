using ZenWebsocket.Binance.Tests.Api.Fakes;
using ZenWebsocket.Binance.Tests.Support;

namespace ZenWebsocket.Binance.Tests.Api;

public sealed class BinanceClockSyncTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(-10)]
    public async Task A_client_clock_off_by_ten_seconds_still_gets_its_orders_accepted(int skewSeconds)
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Hmac(), o => o.TimeProvider = new SkewedTimeProvider(TimeSpan.FromSeconds(skewSeconds)));
        await client.StartAsync().Within();

        var order = await client.PlaceOrderAsync(ApiKit.Limit()).Within();

        Assert.Equal(BinanceOrderStatus.New, order.Status);
        Assert.InRange(client.ClockOffset.TotalSeconds, -skewSeconds - 1, -skewSeconds + 1);
        var timestamp = api.Requests.Single(r => r.Method == "order.place").Params.GetProperty("timestamp").GetInt64();
        Assert.InRange(timestamp - TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(), -1000, 1000);
    }

    [Fact]
    public async Task An_Ed25519_logon_from_a_skewed_clock_succeeds_because_the_offset_is_measured_first()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Ed25519(api), o => o.TimeProvider = new SkewedTimeProvider(TimeSpan.FromSeconds(-30)));

        await client.StartAsync().Within();

        Assert.True(client.IsLoggedOn);
        Assert.Equal(new[] { "time", "session.logon" }, api.Requests.Select(r => r.Method).ToArray());
    }

    [Theory]
    [InlineData(10, "ahead")]
    [InlineData(-10, "recvWindow")]
    public async Task Without_clock_sync_the_same_skew_surfaces_minus_1021_as_a_typed_error(int skewSeconds, string says)
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Hmac(), o =>
        {
            o.TimeProvider = new SkewedTimeProvider(TimeSpan.FromSeconds(skewSeconds));
            o.ClockSync = false;
        });
        await client.StartAsync().Within();

        var error = await Assert.ThrowsAsync<BinanceApiException>(() => client.PlaceOrderAsync(ApiKit.Limit())).Within();

        Assert.True(error.IsTimestampRejected);
        Assert.Equal(BinanceErrors.InvalidTimestamp, error.Code);
        Assert.Contains(says, error.ExchangeMessage, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.Zero, client.ClockOffset);
        Assert.Equal(0, api.Received("time"));
    }

    [Fact]
    public async Task The_offset_is_measured_again_on_every_connect()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Hmac());
        await client.StartAsync().Within();
        Assert.InRange(client.ClockOffset.TotalSeconds, -1, 1);

        // The server's clock jumps while the connection is down: the reconnect must notice.
        api.ServerSkew = TimeSpan.FromSeconds(20);
        await api.Server.DisconnectAllAsync(ZenWebsocket.Testing.DisconnectMode.Abort);
        await api.WaitForAsync("time", 2);
        var order = await client.PlaceOrderAsync(ApiKit.Limit()).Within();

        Assert.Equal(BinanceOrderStatus.New, order.Status);
        Assert.InRange(client.ClockOffset.TotalSeconds, 19, 21);
    }

    [Fact]
    public async Task The_offset_is_measured_again_periodically_while_connected()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Hmac(), o => o.ClockSyncInterval = TimeSpan.FromMilliseconds(50));
        await client.StartAsync().Within();

        // The server's clock drifts 5 s without any reconnect: the periodic measurement picks it up.
        api.ServerSkew = TimeSpan.FromSeconds(5);
        var measuredBefore = api.Received("time");
        await api.WaitForAsync("time", measuredBefore + 2);

        Assert.InRange(client.ClockOffset.TotalSeconds, 4, 6);
        Assert.Equal(0, client.GetDiagnostics().Reconnects);
        Assert.Equal(BinanceOrderStatus.New, (await client.PlaceOrderAsync(ApiKit.Limit()).Within()).Status);
    }
}
