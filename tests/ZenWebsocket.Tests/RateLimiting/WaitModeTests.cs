using ZenWebsocket.Tests.Support;
using static ZenWebsocket.Tests.RateLimiting.RateLimitTestKit;

namespace ZenWebsocket.Tests.RateLimiting;

public sealed class WaitModeTests
{
    [Fact]
    public async Task A_wait_completes_exactly_when_enough_time_has_passed()
    {
        var (limiter, time) = CreateEmpty();
        using var owner = limiter;
        var pending = limiter.AcquireAsync(5, TimeSpan.FromSeconds(1)).AsTask();

        time.Advance(299);
        Assert.False(pending.IsCompleted);
        Assert.Equal(4, limiter.GetStatus().TokensAvailable);
        Assert.Equal(1, limiter.GetStatus().Waiters);

        time.Advance(1);
        await pending.Within();
        Assert.Equal(new RateLimitStatus("test", 1, 10, 0, Ms(100), TimeSpan.Zero), limiter.GetStatus());
    }

    [Fact]
    public async Task A_wait_that_fits_exactly_in_maxWait_is_served_not_timed_out()
    {
        var (limiter, time) = CreateEmpty();
        using var owner = limiter;
        var pending = limiter.AcquireAsync(6, Ms(300)).AsTask();
        time.Advance(300);
        await pending.Within();
    }

    [Fact]
    public async Task A_wait_times_out_with_the_exact_RetryAfter()
    {
        var (limiter, time) = CreateEmpty();
        using var owner = limiter;
        var first = limiter.AcquireAsync(6, TimeSpan.FromSeconds(1)).AsTask();

        // On its own this would be served at 200 ms, but it queues behind the first, so it cannot be served before 500 ms.
        var second = limiter.AcquireAsync(4, Ms(350)).AsTask();

        time.Advance(300);
        await first.Within();
        Assert.False(second.IsCompleted);

        time.Advance(50);
        var error = await Assert.ThrowsAsync<ZenRateLimitedException>(() => second.Within());
        Assert.Equal(Ms(150), error.RetryAfter);
        Assert.Equal(0, limiter.GetStatus().Waiters);
        Assert.Equal(0, limiter.GetStatus().TokensAvailable);
    }

    [Fact]
    public async Task A_wait_that_cannot_fit_fails_at_once()
    {
        var (limiter, _) = CreateEmpty();
        using var owner = limiter;
        var pending = limiter.AcquireAsync(10, Ms(200)).AsTask();
        Assert.True(pending.IsFaulted);
        var error = await Assert.ThrowsAsync<ZenRateLimitedException>(() => pending);
        Assert.Equal(Ms(500), error.RetryAfter);
        Assert.Equal(0, limiter.GetStatus().Waiters);
    }

    [Fact]
    public async Task A_zero_wait_behaves_like_reject_mode()
    {
        var (limiter, _) = CreateEmpty();
        using var owner = limiter;
        var error = await Assert.ThrowsAsync<ZenRateLimitedException>(() => limiter.AcquireAsync(1, TimeSpan.Zero).AsTask());
        Assert.Equal(Ms(100), error.RetryAfter);
    }

    [Fact]
    public async Task The_queue_limit_rejects_one_waiter_too_many()
    {
        var (limiter, time) = CreateEmpty(Options() with { QueueLimit = 2 });
        using var owner = limiter;
        var a = limiter.AcquireAsync(2).AsTask();
        var b = limiter.AcquireAsync(2).AsTask();
        var error = await Assert.ThrowsAsync<ZenRateLimitedException>(() => limiter.AcquireAsync(2).AsTask());
        Assert.Equal(Ms(300), error.RetryAfter);
        Assert.Contains("queue is full", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, limiter.GetStatus().Waiters);

        time.Advance(200);
        await Task.WhenAll(a, b).Within();
    }

    [Fact]
    public async Task Waiters_are_served_in_order_and_reject_mode_does_not_jump_the_queue()
    {
        var (limiter, time) = CreateEmpty();
        using var owner = limiter;
        var big = limiter.AcquireAsync(6).AsTask();
        var small = limiter.AcquireAsync(1).AsTask();

        time.Advance(100);
        Assert.False(limiter.TryAcquire(1, out var retryAfter));
        Assert.Equal(Ms(300), retryAfter);
        Assert.False(small.IsCompleted);

        time.Advance(200);
        await big.Within();
        Assert.False(small.IsCompleted);

        time.Advance(100);
        await small.Within();
        Assert.Equal(new RateLimitStatus("test", 1, 10, 0, Ms(100), TimeSpan.Zero), limiter.GetStatus());
    }

    [Fact]
    public async Task Cancelling_a_waiter_frees_its_place_for_the_next()
    {
        var (limiter, time) = CreateEmpty();
        using var owner = limiter;
        using var cts = new CancellationTokenSource();
        var big = limiter.AcquireAsync(8, cancellationToken: cts.Token).AsTask();
        var small = limiter.AcquireAsync(2).AsTask();

        time.Advance(100);
        Assert.False(small.IsCompleted);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => big.Within());
        await small.Within();
        Assert.Equal(0, limiter.GetStatus().Waiters);
    }

    [Fact]
    public async Task An_infinite_wait_waits_for_as_long_as_it_takes()
    {
        var (limiter, time) = CreateEmpty();
        using var owner = limiter;
        var pending = limiter.AcquireAsync(10, Timeout.InfiniteTimeSpan).AsTask();
        time.Advance(499);
        Assert.False(pending.IsCompleted);
        time.Advance(1);
        await pending.Within();
    }

    [Fact]
    public async Task Disposing_fails_the_waiters()
    {
        var (limiter, _) = CreateEmpty();
        var pending = limiter.AcquireAsync(5).AsTask();
        limiter.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => pending.Within());
    }
}
