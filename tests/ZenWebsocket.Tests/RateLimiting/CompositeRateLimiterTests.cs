using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Tests.Support;
using static ZenWebsocket.Tests.RateLimiting.RateLimitTestKit;

namespace ZenWebsocket.Tests.RateLimiting;

public sealed class CompositeRateLimiterTests
{
    [Fact]
    public void Reject_mode_takes_from_all_limiters_or_from_none()
    {
        var time = new FakeTimeProvider();
        using var connection = new ZenRateLimiter(Options("connection"), time);
        using var account = new ZenRateLimiter(Options("account") with { Capacity = 3, RefillAmount = 1 }, time);
        var composite = new CompositeRateLimiter([new(connection, new FixedCost(2)), new(account, new FixedCost(2))]);

        Assert.True(composite.TryAcquire("any", out _));
        Assert.False(composite.TryAcquire("any", out var retryAfter));
        Assert.Equal(Ms(100), retryAfter);
        Assert.Equal(8, connection.GetStatus().TokensAvailable);
        Assert.Equal(1, account.GetStatus().TokensAvailable);

        var error = Assert.Throws<ZenRateLimitedException>(() => composite.AcquireOrThrow("any"));
        Assert.Equal(Ms(100), error.RetryAfter);
        Assert.Equal(8, connection.GetStatus().TokensAvailable);

        // 100 ms later both have refilled (the connection back to its capacity).
        time.Advance(100);
        composite.AcquireOrThrow("any");
        Assert.Equal(8, connection.GetStatus().TokensAvailable);
        Assert.Equal(0, account.GetStatus().TokensAvailable);
    }

    [Fact]
    public void The_longest_retry_among_refusing_limiters_is_reported()
    {
        var time = new FakeTimeProvider();
        using var a = new ZenRateLimiter(Options("a"), time);
        using var b = new ZenRateLimiter(Options("b"), time);
        Assert.True(a.TryAcquire(10, out _));
        Assert.True(b.TryAcquire(10, out _));
        var composite = new CompositeRateLimiter([new(b, new FixedCost(6)), new(a, new FixedCost(2))]);
        Assert.False(composite.TryAcquire("x", out var retryAfter));
        Assert.Equal(Ms(300), retryAfter);
    }

    [Fact]
    public void A_limiter_named_twice_is_charged_the_sum_and_checked_against_its_capacity()
    {
        var (limiter, _) = Create();
        using var owner = limiter;
        var composite = new CompositeRateLimiter([new(limiter, new FixedCost(4)), new(limiter, new FixedCost(3))]);
        composite.AcquireOrThrow("x");
        Assert.Equal(3, limiter.GetStatus().TokensAvailable);

        var tooBig = new CompositeRateLimiter([new(limiter, new FixedCost(6)), new(limiter, new FixedCost(5))]);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => tooBig.TryAcquire("x", out _));
        Assert.Contains("(11)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_mode_waits_for_every_limiter_and_charges_each_once()
    {
        var time = new FakeTimeProvider();
        using var a = new ZenRateLimiter(Options("a"), time);
        using var b = new ZenRateLimiter(Options("b"), time);
        Assert.True(b.TryAcquire(10, out _));
        var composite = new CompositeRateLimiter([new(a, new FixedCost(3)), new(b, new FixedCost(4))]);

        var pending = composite.AcquireAsync("x", TimeSpan.FromSeconds(1)).AsTask();
        time.Advance(199);
        Assert.False(pending.IsCompleted);
        time.Advance(1);
        await pending.Within();
        Assert.Equal(0, b.GetStatus().TokensAvailable);
        Assert.Equal(3, a.NetGranted);
        Assert.Equal(14, b.NetGranted);
    }

    [Fact]
    public async Task When_a_later_limiter_times_out_the_earlier_reservation_is_handed_back()
    {
        var time = new FakeTimeProvider();
        using var a = new ZenRateLimiter(Options("a"), time);
        using var b = new ZenRateLimiter(Options("b"), time);
        Assert.True(b.TryAcquire(10, out _));
        var ahead = b.AcquireAsync(8, TimeSpan.FromSeconds(5)).AsTask();
        var composite = new CompositeRateLimiter([new(a, new FixedCost(5)), new(b, new FixedCost(2))]);

        // On its own b could pay 2 tokens at 100 ms, so the call queues; behind the waiter ahead it cannot before 500 ms.
        var pending = composite.AcquireAsync("x", Ms(300)).AsTask();
        Assert.Equal(5, a.GetStatus().TokensAvailable);

        time.Advance(300);
        var error = await Assert.ThrowsAsync<ZenRateLimitedException>(() => pending.Within());
        Assert.Equal(Ms(200), error.RetryAfter);
        Assert.Equal(10, a.GetStatus().TokensAvailable);
        Assert.Equal(0, a.NetGranted);

        time.Advance(100);
        await ahead.Within();
    }

    [Fact]
    public async Task Wait_mode_fails_at_once_without_reserving_when_a_limiter_cannot_refill_in_time()
    {
        var time = new FakeTimeProvider();
        using var a = new ZenRateLimiter(Options("a"), time);
        using var b = new ZenRateLimiter(Options("b"), time);
        b.Penalize(TimeSpan.FromSeconds(30));
        var composite = new CompositeRateLimiter([new(a, new FixedCost(5)), new(b, new FixedCost(2))]);
        var error = await Assert.ThrowsAsync<ZenRateLimitedException>(() => composite.AcquireAsync("x", TimeSpan.FromSeconds(1)).AsTask());
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.Equal(10, a.GetStatus().TokensAvailable);
    }

    [Fact]
    public void Deribit_charges_matching_engine_and_other_methods_to_separate_buckets()
    {
        var time = new FakeTimeProvider();
        using var deribit = DeribitCredits.CreateLimiter(DeribitMatchingEngineTier.Tier4, time);
        var (nonMatching, matching) = (deribit.Rules[0].Limiter, deribit.Rules[1].Limiter);

        deribit.AcquireOrThrow("private/buy");
        deribit.AcquireOrThrow("public/get_time");
        deribit.AcquireOrThrow("public/get_instruments");
        Assert.Equal(19, matching.GetStatus().TokensAvailable);
        Assert.Equal(50_000 - 500 - 10_000, nonMatching.GetStatus().TokensAvailable);

        for (var i = 0; i < 19; i++)
        {
            deribit.AcquireOrThrow("private/sell");
        }

        Assert.False(deribit.TryAcquire("private/cancel", out var retryAfter));
        Assert.Equal(Ms(200), retryAfter);
        deribit.AcquireOrThrow("private/get_positions");
    }

    [Fact]
    public void Binance_charges_weight_and_orders_together()
    {
        var time = new FakeTimeProvider();
        using var binance = BinanceWeights.CreateLimiter(time);
        var status = () => binance.GetStatus().ToDictionary(s => s.Name, s => s.TokensAvailable);

        binance.AcquireOrThrow("order.place");
        binance.AcquireOrThrow("v3/depth");
        Assert.Equal(6_000 - 1 - 5, status()[BinanceWeights.RequestWeightName]);
        Assert.Equal(49, status()[BinanceWeights.Orders10sName]);
        Assert.Equal(159_999, status()[BinanceWeights.Orders1dName]);

        for (var i = 0; i < 49; i++)
        {
            binance.AcquireOrThrow("order.place");
        }

        // The 10-second order window is spent: no weight is taken for the refused order, and queries still pass.
        Assert.False(binance.TryAcquire("order.place", out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(10), retryAfter);
        Assert.Equal(6_000 - 50 - 5, status()[BinanceWeights.RequestWeightName]);
        binance.AcquireOrThrow("ticker.price");
    }

    [Fact]
    public void A_composite_needs_rules()
    {
        Assert.Throws<ArgumentException>(() => new CompositeRateLimiter([]));
    }
}
