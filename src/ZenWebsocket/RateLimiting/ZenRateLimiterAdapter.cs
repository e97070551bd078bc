using System.Threading.RateLimiting;

namespace ZenWebsocket;

/// <summary>
/// Presents a <see cref="ZenRateLimiter"/> as a <see cref="RateLimiter"/> of System.Threading.RateLimiting, so the same
/// bucket (with its exact, clock-driven refill and exchange penalties) can guard other code that speaks that
/// abstraction: Polly's rate-limiter strategy, ASP.NET Core rate limiting, your own pipelines. A refused lease carries
/// <see cref="MetadataName.RetryAfter"/>.
/// </summary>
/// <remarks>
/// The bucket itself is ours rather than <see cref="TokenBucketRateLimiter"/>: that type reads the Stopwatch, cannot be
/// emptied while callers queue (exchange penalties), and keeps its lock private (all-or-none composites).
/// Disposing the adapter does not dispose the bucket.
/// </remarks>
public sealed class ZenRateLimiterAdapter : RateLimiter
{
    private readonly ZenRateLimiter _limiter;

    /// <summary>Wraps a bucket.</summary>
    /// <param name="limiter">The bucket.</param>
    public ZenRateLimiterAdapter(ZenRateLimiter limiter)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        _limiter = limiter;
    }

    /// <inheritdoc />
    public override TimeSpan? IdleDuration => null;

    /// <inheritdoc />
    public override RateLimiterStatistics GetStatistics()
    {
        var status = _limiter.GetStatus();
        return new RateLimiterStatistics { CurrentAvailablePermits = status.TokensAvailable, CurrentQueuedCount = status.Waiters };
    }

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        _limiter.TryAcquire(permitCount, out var retryAfter) ? Lease.Granted : new Lease(retryAfter);

    /// <inheritdoc />
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        try
        {
            await _limiter.AcquireAsync(permitCount, cancellationToken: cancellationToken).ConfigureAwait(false);
            return Lease.Granted;
        }
        catch (ZenRateLimitedException refused)
        {
            return new Lease(refused.RetryAfter ?? TimeSpan.Zero);
        }
    }

    /// <summary>A token-bucket lease: tokens are spent, so there is nothing to give back on dispose.</summary>
    private sealed class Lease : RateLimitLease
    {
        private readonly TimeSpan? _retryAfter;

        public Lease(TimeSpan retryAfter)
        {
            _retryAfter = retryAfter;
        }

        private Lease()
        {
        }

        public static Lease Granted { get; } = new();

        public override bool IsAcquired => _retryAfter is null;

        public override IEnumerable<string> MetadataNames => _retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (_retryAfter is { } retryAfter && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = retryAfter;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
