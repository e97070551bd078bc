using System.Text.Json;
using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Rpc;

public sealed class RequestRateLimitTests
{
    private static readonly MockServerOptions Server = new()
    {
        Handler = async (connection, frame) =>
        {
            using var request = JsonDocument.Parse(frame.Data);
            var id = request.RootElement.GetProperty("id").GetInt64();
            var method = request.RootElement.GetProperty("method").GetString();
            await connection.SendTextAsync(method == "private/buy"
                ? "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":10028,\"message\":\"too_many_requests\"}}"
                : "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":true}");
        },
    };

    private static async Task<(ClientFixture F, RequestCorrelator Rpc, ZenRateLimiter Limiter)> StartAsync()
    {
        var f = await ClientFixture.ConnectedAsync(serverOptions: Server);
        var limiter = new ZenRateLimiter(new RateLimitOptions { Name = "test", Capacity = 2, RefillAmount = 1, RefillPeriod = TimeSpan.FromSeconds(1) }, f.Time);
        var rpc = new RequestCorrelator(f.Client, new RequestCorrelatorOptions
        {
            RateLimiter = new CompositeRateLimiter([new RateLimitRule(limiter, FixedCost.One)], ownsLimiters: true),
            ErrorMapper = e => e.Code == 10028 ? new ZenRateLimitedException(e.Message, TimeSpan.FromSeconds(5)) : new ZenExchangeException(e.Code, e.Message, e.Data),
        });
        return (f, rpc, limiter);
    }

    [Fact]
    public async Task Reject_mode_refuses_at_once_with_retry_after_and_writes_nothing()
    {
        var (f, rpc, _) = await StartAsync();
        await using var __ = f;
        using var ___ = rpc;
        await rpc.RequestRawAsync("public/a", RpcParams.None).Within();
        await rpc.RequestRawAsync("public/b", RpcParams.None).Within();
        var error = await Assert.ThrowsAsync<ZenRateLimitedException>(() => rpc.RequestRawAsync("public/c", RpcParams.None, new RequestOptions { RateLimitMode = RateLimitMode.Reject }));
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.Equal(2, f.Server.Received.Count);
        Assert.Equal(2, rpc.Latency.Snapshot().Count);
    }

    [Fact]
    public async Task Wait_mode_sends_when_the_bucket_refills()
    {
        var (f, rpc, _) = await StartAsync();
        await using var __ = f;
        using var ___ = rpc;
        await rpc.RequestRawAsync("public/a", RpcParams.None).Within();
        await rpc.RequestRawAsync("public/b", RpcParams.None).Within();
        var third = rpc.RequestRawAsync("public/c", RpcParams.None);
        Assert.False(third.IsCompleted);
        Assert.Equal(2, f.Server.Received.Count);
        f.Time.Advance(TimeSpan.FromSeconds(1));
        await third.Within();
        Assert.Equal(3, f.Server.Received.Count);
    }

    [Fact]
    public async Task An_exchange_rate_limit_error_makes_the_local_limiter_back_off()
    {
        var (f, rpc, limiter) = await StartAsync();
        await using var __ = f;
        using var ___ = rpc;
        await Assert.ThrowsAsync<ZenRateLimitedException>(() => rpc.RequestRawAsync("private/buy", RpcParams.None).Within());
        var status = limiter.GetStatus();
        Assert.Equal(0, status.TokensAvailable);
        Assert.Equal(TimeSpan.FromSeconds(5), status.BlockedFor);
        var refused = await Assert.ThrowsAsync<ZenRateLimitedException>(() => rpc.RequestRawAsync("public/a", RpcParams.None, new RequestOptions { RateLimitMode = RateLimitMode.Reject }));
        Assert.True(refused.RetryAfter >= TimeSpan.FromSeconds(5));
    }
}
