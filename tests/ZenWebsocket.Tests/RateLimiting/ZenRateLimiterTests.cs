using Microsoft.Extensions.Time.Testing;
using static ZenWebsocket.Tests.RateLimiting.RateLimitTestKit;

namespace ZenWebsocket.Tests.RateLimiting;

public sealed class ZenRateLimiterTests
{
    [Fact]
    public void The_bucket_starts_full_and_refills_exactly_on_the_period()
    {
        var (limiter, time) = CreateEmpty();
        using var owner = limiter;
        for (var k = 1; k <= 5; k++)
        {
            time.Advance(99);
            Assert.Equal(2 * (k - 1), limiter.GetStatus().TokensAvailable);
            time.Advance(1);
            Assert.Equal(2 * k, limiter.GetStatus().TokensAvailable);
        }

        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(10, limiter.GetStatus().TokensAvailable);
    }

    [Fact]
    public void Refills_keep_their_phase_across_uneven_reads()
    {
        var (limiter, time) = CreateEmpty();
        using var owner = limiter;
        time.Advance(150);
        Assert.Equal(2, limiter.GetStatus().TokensAvailable);
        time.Advance(40);
        Assert.Equal(2, limiter.GetStatus().TokensAvailable);
        Assert.Equal(Ms(10), limiter.GetStatus().TimeToNextToken);
        time.Advance(10);
        Assert.Equal(4, limiter.GetStatus().TokensAvailable);
    }

    [Fact]
    public void Reject_mode_reports_the_exact_time_to_enough_tokens()
    {
        var (limiter, time) = CreateEmpty();
        using var owner = limiter;
        time.Advance(30);

        Assert.False(limiter.TryAcquire(5, out var retryAfter));
        Assert.Equal(Ms(270), retryAfter);

        time.Advance(269);
        Assert.False(limiter.TryAcquire(5, out retryAfter));
        Assert.Equal(Ms(1), retryAfter);

        time.Advance(1);
        Assert.True(limiter.TryAcquire(5, out retryAfter));
        Assert.Equal(TimeSpan.Zero, retryAfter);
        Assert.Equal(1, limiter.GetStatus().TokensAvailable);
    }

    [Fact]
    public void AcquireOrThrow_throws_a_rate_limited_error_with_RetryAfter()
    {
        var (limiter, _) = CreateEmpty();
        using var owner = limiter;
        var error = Assert.Throws<ZenRateLimitedException>(() => limiter.AcquireOrThrow(3));
        Assert.Equal(Ms(200), error.RetryAfter);
        Assert.Equal(ErrorCategory.RateLimited, error.Category);
        Assert.True(error.IsTransient);
        Assert.Contains("'test'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cost_above_capacity_or_below_zero_is_a_usage_error_naming_the_cost()
    {
        var (limiter, _) = Create();
        using var owner = limiter;
        Assert.Equal("cost", Assert.Throws<ArgumentOutOfRangeException>(() => limiter.AcquireOrThrow(11)).ParamName);
        Assert.Equal("cost", Assert.Throws<ArgumentOutOfRangeException>(() => limiter.TryAcquire(-1, out _)).ParamName);
        Assert.Equal("cost", Assert.Throws<ArgumentOutOfRangeException>(Synchronously(() => limiter.AcquireAsync(11).AsTask())).ParamName);
        Assert.Equal(10, limiter.GetStatus().TokensAvailable);
    }

    [Fact]
    public void A_zero_cost_is_always_granted_and_takes_nothing()
    {
        var (limiter, _) = CreateEmpty();
        using var owner = limiter;
        Assert.True(limiter.TryAcquire(0, out _));
        Assert.True(limiter.AcquireAsync(0).AsTask().IsCompletedSuccessfully);
    }

    [Fact]
    public void Status_reports_tokens_capacity_waiters_next_token_and_block()
    {
        var (limiter, time) = Create();
        using var owner = limiter;
        var full = limiter.GetStatus();
        Assert.Equal(new RateLimitStatus("test", 10, 10, 0, TimeSpan.Zero, TimeSpan.Zero), full);

        Assert.True(limiter.TryAcquire(7, out _));
        time.Advance(40);
        Assert.Equal(new RateLimitStatus("test", 3, 10, 0, Ms(60), TimeSpan.Zero), limiter.GetStatus());

        var pending = limiter.AcquireAsync(8).AsTask();
        Assert.Equal(new RateLimitStatus("test", 3, 10, 1, Ms(60), TimeSpan.Zero), limiter.GetStatus());

        limiter.Penalize(TimeSpan.FromSeconds(2));
        Assert.Equal(new RateLimitStatus("test", 0, 10, 1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)), limiter.GetStatus());
        GC.KeepAlive(pending);
    }

    [Fact]
    public void Refills_can_be_aligned_to_the_utc_clock()
    {
        // FakeTimeProvider starts at 2000-01-01T00:00:00Z; create the limiter 30 s into the minute.
        var time = new FakeTimeProvider();
        time.Advance(TimeSpan.FromSeconds(30));
        var options = new RateLimitOptions { Name = "aligned", Capacity = 6, RefillAmount = 6, RefillPeriod = TimeSpan.FromMinutes(1), AlignRefillToUtc = true };
        using var limiter = new ZenRateLimiter(options, time);
        Assert.True(limiter.TryAcquire(6, out var _));

        Assert.False(limiter.TryAcquire(1, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(30), retryAfter);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(6, limiter.GetStatus().TokensAvailable);
    }

    [Fact]
    public void A_disposed_limiter_refuses_use()
    {
        var (limiter, _) = Create();
        limiter.Dispose();
        limiter.Dispose();
        Assert.Throws<ObjectDisposedException>(() => limiter.TryAcquire(1, out _));
        Assert.Throws<ObjectDisposedException>(Synchronously(() => limiter.AcquireAsync(1).AsTask()));
    }

    /// <summary>Usage errors are thrown by the call itself, not through the returned task.</summary>
    private static Action Synchronously(Func<Task> call) => () => call();
}
