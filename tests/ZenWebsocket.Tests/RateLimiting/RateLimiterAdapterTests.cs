using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace ZenWebsocket.Tests.RateLimiting;

public sealed class RateLimiterAdapterTests
{
    [Fact]
    public async Task The_bucket_speaks_System_Threading_RateLimiting_with_retry_after_metadata()
    {
        var time = new FakeTimeProvider();
        using var bucket = new ZenRateLimiter(new RateLimitOptions { Name = "adapter", Capacity = 2, RefillAmount = 1, RefillPeriod = TimeSpan.FromSeconds(1) }, time);
        using RateLimiter limiter = bucket.AsRateLimiter();

        using (var first = limiter.AttemptAcquire(2))
        {
            Assert.True(first.IsAcquired);
        }

        using var refused = limiter.AttemptAcquire(1);
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
        Assert.Equal(0, limiter.GetStatistics()!.CurrentAvailablePermits);

        var waiting = limiter.AcquireAsync(1).AsTask();
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        using var granted = await waiting.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
        Assert.True(granted.IsAcquired);
    }
}
