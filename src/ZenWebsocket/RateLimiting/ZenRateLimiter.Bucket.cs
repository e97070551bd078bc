namespace ZenWebsocket;

// The bucket arithmetic and the wake timer. Every method here runs with _lock held.
public sealed partial class ZenRateLimiter
{
    // Timer callbacks never run limiter code inline: FakeTimeProvider runs due callbacks on whichever thread creates or
    // changes a timer, which may be a thread already holding this (or another limiter's) lock. A hop to the thread pool
    // keeps lock order intact; with the system clock the callback is on the pool already, so the hop is cheap.
    private static readonly TimerCallback s_onWake = static state =>
        ThreadPool.UnsafeQueueUserWorkItem(static limiter => limiter.OnWake(), (ZenRateLimiter)state!, preferLocal: false);

    private long Clock() => _time.GetElapsedTime(_origin).Ticks;

    /// <summary>Reads the clock, applies due refills and serves the queue, so every caller sees the same state.</summary>
    private long NowLocked()
    {
        var now = Clock();
        RefillLocked(now);
        ServeWaitersLocked(now);
        return now;
    }

    // Refills are computed from the clock, not counted from timer ticks: a late or coalesced timer cannot lose or add
    // a refill, and the phase (_lastRefill) only ever moves by whole periods.
    private void RefillLocked(long now)
    {
        if (now < _blockedUntil)
        {
            return;
        }

        var elapsed = now - _lastRefill;
        if (elapsed < _periodTicks)
        {
            return;
        }

        var periods = elapsed / _periodTicks;
        _lastRefill += periods * _periodTicks;
        var amount = Options.RefillAmount;
        var room = Options.Capacity - _tokens;
        _tokens = periods >= (room + amount - 1) / amount ? Options.Capacity : _tokens + (periods * amount);
    }

    private bool CanGrantLocked(long cost, long now) => _waiters.Count == 0 && now >= _blockedUntil && _tokens >= cost;

    private void TakeLocked(long cost)
    {
        _tokens -= cost;
        _granted += cost;
    }

    /// <summary>Ticks from <paramref name="now"/> until the bucket holds <paramref name="demand"/> tokens, if nobody takes any.</summary>
    private long TicksUntilLocked(long demand, long now)
    {
        var missing = demand - _tokens;
        var ready = now;
        if (missing > 0)
        {
            var periods = (missing + Options.RefillAmount - 1) / Options.RefillAmount;
            ready = periods > (long.MaxValue / 4) / _periodTicks ? long.MaxValue / 2 : _lastRefill + (periods * _periodTicks);
        }

        // While blocked, _lastRefill sits one period before _blockedUntil, so the first refill lands when the block ends.
        return Math.Max(0, Math.Max(ready, _blockedUntil) - now);
    }

    private void ServeWaitersLocked(long now)
    {
        while (_waiters.First is { } head && CanServeHeadLocked(head.Value.Cost, now))
        {
            var waiter = head.Value;
            RemoveLocked(waiter);
            TakeLocked(waiter.Cost);
            waiter.WaitedTicks = now - waiter.EnqueuedAt;
            waiter.TrySetResult();
        }

        ArmLocked(now);
    }

    private bool CanServeHeadLocked(long cost, long now) => now >= _blockedUntil && _tokens >= cost;

    private void RemoveLocked(Waiter waiter)
    {
        _waiters.Remove(waiter.Node!);
        _queuedCost -= waiter.Cost;
        waiter.Done = true;
        waiter.Timeout?.Dispose();

        // Unregister, not Dispose: Dispose would wait for a running cancellation callback, which may be waiting for
        // this very lock.
        waiter.Registration.Unregister();
    }

    /// <summary>Points the wake timer at the moment the head of the queue can be served, or stops it.</summary>
    private void ArmLocked(long now)
    {
        if (_disposed)
        {
            return;
        }

        if (_waiters.First is not { } head)
        {
            if (_armedFor != long.MaxValue)
            {
                _armedFor = long.MaxValue;
                _wakeTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }

            return;
        }

        var due = DueTime(TicksUntilLocked(head.Value.Cost, now));
        var target = now + due.Ticks;
        if (target != _armedFor)
        {
            _armedFor = target;
            _wakeTimer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnWake()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            // The timer has fired (or a stale callback arrived); forget the old target so ArmLocked re-arms for real.
            _armedFor = long.MaxValue;
            NowLocked();
        }
    }

    // Timers tick in whole milliseconds on the system clock; rounding up means a wake never arrives before the tokens
    // do (which would spin), and never with a zero due time (which some providers run inline).
    private static TimeSpan DueTime(long ticks)
    {
        var ms = Math.Clamp((ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond, 1, uint.MaxValue - 1);
        return TimeSpan.FromMilliseconds(ms);
    }
}
