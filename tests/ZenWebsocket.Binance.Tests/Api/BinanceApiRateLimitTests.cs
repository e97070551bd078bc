using ZenWebsocket.Binance.Tests.Api.Fakes;
using ZenWebsocket.Binance.Tests.Support;

namespace ZenWebsocket.Binance.Tests.Api;

public sealed class BinanceApiRateLimitTests
{
    [Fact]
    public async Task A_429_retryAfter_holds_the_local_limiter_so_the_next_call_is_refused_without_reaching_the_server()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Hmac());
        await client.StartAsync().Within();
        var serverTime = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        api.FailNext("order.place", 429, $"{{\"code\":-1015,\"msg\":\"Too many new orders; current limit is 50 orders per TEN_SECONDS.\",\"data\":{{\"serverTime\":{serverTime},\"retryAfter\":{serverTime + 30_000}}}}}");

        var refused = await Assert.ThrowsAsync<ZenRateLimitedException>(() => client.PlaceOrderAsync(ApiKit.Limit())).Within();
        var sentBefore = api.Received("order.place");
        var local = await Assert.ThrowsAsync<ZenRateLimitedException>(() => client.RequestRawAsync("order.place", RpcParams.None, new RequestOptions { RateLimitMode = RateLimitMode.Reject })).Within();

        Assert.Equal(TimeSpan.FromSeconds(30), refused.RetryAfter);
        Assert.Equal(BinanceErrors.TooManyOrders, Assert.IsType<BinanceApiException>(refused.InnerException).Code);
        Assert.Equal(sentBefore, api.Received("order.place"));
        Assert.True(local.RetryAfter > TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_waiting_call_after_a_short_retryAfter_goes_out_once_the_hold_is_over()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Hmac());
        await client.StartAsync().Within();
        var serverTime = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        api.FailNext("ping", 429, $"{{\"code\":-1003,\"msg\":\"Too much request weight used.\",\"data\":{{\"serverTime\":{serverTime},\"retryAfter\":{serverTime + 300}}}}}");
        await Assert.ThrowsAsync<ZenRateLimitedException>(() => client.PingAsync()).Within();
        var heldFrom = TimeProvider.System.GetTimestamp();

        await client.PingAsync().Within();

        Assert.True(TimeProvider.System.GetElapsedTime(heldFrom) >= TimeSpan.FromMilliseconds(200));
        Assert.Equal(2, api.Received("ping"));
    }

    [Fact]
    public async Task A_full_server_window_in_rateLimits_holds_the_local_weight_limiter_until_the_minute_turns()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Hmac(), o => o.ClockSync = false);
        await client.StartAsync().Within();
        var weight = client.RateLimiter!.Rules.Single(r => r.Limiter.Name == BinanceWeights.RequestWeightName).Limiter;
        Assert.Equal(TimeSpan.Zero, weight.GetStatus().BlockedFor);

        // The server says its minute is used up (count 1 of 1): the local mirror must stop sending until :00.
        api.WeightLimit = 1;
        await client.PingAsync().Within();

        Assert.Equal(1, client.LastRateLimits.Single().Limit);
        Assert.InRange(weight.GetStatus().BlockedFor, TimeSpan.FromTicks(1), TimeSpan.FromMinutes(1));
        await Assert.ThrowsAsync<ZenRateLimitedException>(() => client.RequestRawAsync("ping", RpcParams.None, new RequestOptions { RateLimitMode = RateLimitMode.Reject })).Within();
        Assert.Equal(1, api.Received("ping"));
    }
}
