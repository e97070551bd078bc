namespace ZenWebsocket;

// Exchange-side signals. The exchange's own bucket is the truth; when it says we are over (Deribit 10028
// too_many_requests, Binance 429/418 with retryAfter), our estimate was optimistic, so we empty ours to match.
public sealed partial class ZenRateLimiter
{
    /// <summary>
    /// Empties the bucket and blocks every acquisition until <paramref name="retryAfter"/> has passed on the limiter's
    /// clock; the first refill then arrives when the block ends. Use it when the exchange reports a rate-limit error.
    /// </summary>
    /// <param name="retryAfter">How long the exchange asked us to wait. <see cref="TimeSpan.Zero"/> is the same as <see cref="Drain"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retryAfter"/> is negative or infinite.</exception>
    /// <remarks>
    /// A longer block already in force is kept. Queued callers stay queued; those whose wait cannot outlast the block
    /// fail at once with <see cref="ZenRateLimitedException"/>.
    /// </remarks>
    public void Penalize(TimeSpan retryAfter)
    {
        if (retryAfter < TimeSpan.Zero || retryAfter == Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "retryAfter must be zero or a positive, finite duration.");
        }

        List<(Waiter Waiter, long Retry)> hopeless;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = Clock();
            RefillLocked(now);
            _tokens = 0;
            var until = now + retryAfter.Ticks;
            if (retryAfter > TimeSpan.Zero && until > _blockedUntil)
            {
                _blockedUntil = until;
                _lastRefill = until - _periodTicks;
            }

            hopeless = FailHopelessLocked(now);
            ArmLocked(now);
        }

        ZenTelemetry.RecordRateLimitPenalty(Name);
        Reject(hopeless);
    }

    /// <summary>Blocks acquisitions until <paramref name="until"/> on the provider's UTC clock (Binance gives an absolute time).</summary>
    /// <param name="until">When the exchange lifts the limit; a time in the past only drains the bucket.</param>
    public void PenalizeUntil(DateTimeOffset until)
    {
        var delta = until - _time.GetUtcNow();
        Penalize(delta > TimeSpan.Zero ? delta : TimeSpan.Zero);
    }

    /// <summary>Empties the bucket without blocking; refills continue on their usual schedule.</summary>
    public void Drain()
    {
        List<(Waiter Waiter, long Retry)> hopeless;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = Clock();
            RefillLocked(now);
            _tokens = 0;
            hopeless = FailHopelessLocked(now);
            ArmLocked(now);
        }

        Reject(hopeless);
    }

    // Walks the queue in order; a waiter whose deadline falls before the refills that would serve it (counting only
    // the waiters that stay ahead of it) is taken out now rather than left to time out.
    private List<(Waiter Waiter, long Retry)> FailHopelessLocked(long now)
    {
        var hopeless = new List<(Waiter, long)>();
        long ahead = 0;
        for (var node = _waiters.First; node is not null;)
        {
            var next = node.Next;
            var waiter = node.Value;
            var ready = TicksUntilLocked(ahead + waiter.Cost, now);
            if (waiter.Deadline != long.MaxValue && now + ready > waiter.Deadline)
            {
                RemoveLocked(waiter);
                hopeless.Add((waiter, ready));
            }
            else
            {
                ahead += waiter.Cost;
            }

            node = next;
        }

        return hopeless;
    }

    private void Reject(List<(Waiter Waiter, long Retry)> hopeless)
    {
        foreach (var (waiter, retry) in hopeless)
        {
            ZenTelemetry.RecordRateLimitRejection(Name, RateLimitReasons.Blocked);
            waiter.TrySetException(new ZenRateLimitedException(
                $"Rate limit '{Name}' was penalized by the exchange; its {waiter.Cost} tokens cannot arrive within the wait allowed.", TimeSpan.FromTicks(retry)));
        }
    }
}
