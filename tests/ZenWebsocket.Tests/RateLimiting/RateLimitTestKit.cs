using Microsoft.Extensions.Time.Testing;

namespace ZenWebsocket.Tests.RateLimiting;

/// <summary>A limiter on fake time: 10 tokens, 2 more every 100 ms.</summary>
internal static class RateLimitTestKit
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    public static RateLimitOptions Options(string name = "test") => new()
    {
        Name = name,
        Capacity = 10,
        RefillAmount = 2,
        RefillPeriod = Period,
        QueueLimit = 8,
        MaxWait = TimeSpan.FromSeconds(5),
    };

    public static (ZenRateLimiter Limiter, FakeTimeProvider Time) Create(RateLimitOptions? options = null, FakeTimeProvider? time = null)
    {
        time ??= new FakeTimeProvider();
        return (new ZenRateLimiter(options ?? Options(), time), time);
    }

    /// <summary>Creates a limiter and empties it at time zero, so refills come at 100 ms, 200 ms, ...</summary>
    public static (ZenRateLimiter Limiter, FakeTimeProvider Time) CreateEmpty(RateLimitOptions? options = null)
    {
        var (limiter, time) = Create(options);
        Assert.True(limiter.TryAcquire(limiter.Options.Capacity, out _));
        return (limiter, time);
    }

    public static void Advance(this FakeTimeProvider time, int milliseconds) => time.Advance(TimeSpan.FromMilliseconds(milliseconds));

    public static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
