using ZenWebsocket.Tests.Support;
using static ZenWebsocket.Tests.RateLimiting.RateLimitTestKit;

namespace ZenWebsocket.Tests.RateLimiting;

public sealed class PenaltyTests
{
    [Fact]
    public void Penalize_empties_the_bucket_blocks_until_RetryAfter_then_refills()
    {
        var (limiter, time) = Create();
        using var owner = limiter;
        limiter.Penalize(TimeSpan.FromSeconds(1));

        Assert.False(limiter.TryAcquire(1, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
        Assert.Equal(new RateLimitStatus("test", 0, 10, 0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)), limiter.GetStatus());

        time.Advance(999);
        Assert.False(limiter.TryAcquire(1, out retryAfter));
        Assert.Equal(Ms(1), retryAfter);

        // The first refill lands when the block ends, then the usual cadence resumes.
        time.Advance(1);
        Assert.Equal(TimeSpan.Zero, limiter.GetStatus().BlockedFor);
        Assert.True(limiter.TryAcquire(2, out _));
        time.Advance(100);
        Assert.Equal(2, limiter.GetStatus().TokensAvailable);
    }

    [Fact]
    public void A_shorter_penalty_does_not_cut_a_longer_one()
    {
        var (limiter, time) = Create();
        using var owner = limiter;
        limiter.Penalize(TimeSpan.FromSeconds(10));
        time.Advance(1_000);
        limiter.Penalize(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(9), limiter.GetStatus().BlockedFor);
    }

    [Fact]
    public void PenalizeUntil_uses_the_providers_utc_clock()
    {
        var (limiter, time) = Create();
        using var owner = limiter;
        limiter.PenalizeUntil(time.GetUtcNow().AddSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(2), limiter.GetStatus().BlockedFor);

        limiter.PenalizeUntil(time.GetUtcNow().AddSeconds(-5));
        Assert.Equal(TimeSpan.FromSeconds(2), limiter.GetStatus().BlockedFor);
    }

    [Fact]
    public void Drain_empties_without_blocking_and_keeps_the_refill_phase()
    {
        var (limiter, time) = Create();
        using var owner = limiter;
        time.Advance(130);
        limiter.Drain();
        Assert.Equal(new RateLimitStatus("test", 0, 10, 0, Ms(70), TimeSpan.Zero), limiter.GetStatus());
        time.Advance(70);
        Assert.Equal(2, limiter.GetStatus().TokensAvailable);
    }

    [Fact]
    public async Task Waiters_that_cannot_outlast_a_penalty_fail_at_once_and_the_others_are_served_after_it()
    {
        var (limiter, time) = CreateEmpty();
        using var owner = limiter;
        var patient = limiter.AcquireAsync(2, TimeSpan.FromSeconds(5)).AsTask();
        var hurried = limiter.AcquireAsync(2, Ms(500)).AsTask();

        limiter.Penalize(TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<ZenRateLimitedException>(() => hurried.Within());
        Assert.Equal(Ms(1_100), error.RetryAfter);
        Assert.False(patient.IsCompleted);

        time.Advance(999);
        Assert.False(patient.IsCompleted);
        time.Advance(1);
        await patient.Within();
    }

    [Fact]
    public void A_negative_penalty_is_a_usage_error()
    {
        var (limiter, _) = Create();
        using var owner = limiter;
        Assert.Equal("retryAfter", Assert.Throws<ArgumentOutOfRangeException>(() => limiter.Penalize(TimeSpan.FromSeconds(-1))).ParamName);
    }
}
