namespace ZenWebsocket;

/// <summary>
/// A token bucket that paces requests to an exchange. Each call site chooses a mode: wait for tokens
/// (<see cref="AcquireAsync(int, TimeSpan?, CancellationToken)"/>) or be refused at once with the time to retry
/// (<see cref="TryAcquire(int, out TimeSpan)"/>, <see cref="AcquireOrThrow(int)"/>).
/// </summary>
/// <remarks>
/// <para>
/// Time comes only from the injected <see cref="TimeProvider"/>: refills are computed from its clock on every call,
/// and the one timer that wakes queued callers is created from it, so <c>FakeTimeProvider.Advance</c> drives refills
/// deterministically and a <see cref="ZenRateLimitedException.RetryAfter"/> is exact on that clock.
/// </para>
/// <para>
/// This is a bucket of its own rather than a wrapper around <c>System.Threading.RateLimiting.TokenBucketRateLimiter</c>
/// because four things we need cannot be built on that type: emptying the bucket while callers are queued (exchange
/// penalties), checking several buckets under one critical section (<see cref="CompositeRateLimiter"/>), limiting the
/// number of waiters rather than the number of queued permits, and a retry time computed from our clock and refill phase.
/// </para>
/// <para>
/// Waiters are served strictly first in, first out: a large request at the head is not overtaken by smaller ones, and
/// reject-mode calls do not jump the queue either. Thread-safe; every state change happens under one lock.
/// </para>
/// </remarks>
public sealed partial class ZenRateLimiter : IDisposable
{
    // Gives every limiter a rank so a CompositeRateLimiter always locks limiters in the same order (no deadlock).
    private static long s_nextId;

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly long _periodTicks;
    private readonly ITimer _wakeTimer;
    private readonly LinkedList<Waiter> _waiters = new();

    // All times below are ticks elapsed on _time since _origin: a monotonic clock of our own, so nothing depends on
    // Stopwatch frequency or on wall-clock jumps.
    private long _tokens;
    private long _lastRefill;
    private long _blockedUntil;
    private long _queuedCost;
    private long _armedFor = long.MaxValue;
    private long _granted;
    private long _returned;
    private bool _disposed;

    /// <summary>Creates a limiter whose bucket starts full.</summary>
    /// <param name="options">The bucket's shape; validated here.</param>
    /// <param name="timeProvider">The clock for refills, waits and retry times. Default <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    public ZenRateLimiter(RateLimitOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _time = timeProvider ?? TimeProvider.System;
        _origin = _time.GetTimestamp();
        _periodTicks = options.RefillPeriod.Ticks;
        _tokens = options.Capacity;
        if (options.AlignRefillToUtc)
        {
            // Put the last refill boundary on the most recent multiple of the period since the Unix epoch.
            _lastRefill = -((_time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks % _periodTicks);
        }

        Id = Interlocked.Increment(ref s_nextId);
        _wakeTimer = _time.CreateTimer(s_onWake, this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Gets the options the limiter was built with.</summary>
    public RateLimitOptions Options { get; }

    /// <summary>Gets the limiter's name, as used in telemetry and errors.</summary>
    public string Name => Options.Name;

    internal long Id { get; }

    internal TimeProvider TimeProvider => _time;

    internal Lock Gate => _lock;

    /// <summary>Gets the tokens granted so far (wait and reject modes), net of composite reservations handed back.</summary>
    internal long NetGranted
    {
        get
        {
            lock (_lock)
            {
                return _granted - _returned;
            }
        }
    }

    /// <summary>Returns the bucket's state now.</summary>
    /// <returns>Tokens, waiters, time to the next refill and time left on a penalty.</returns>
    public RateLimitStatus GetStatus()
    {
        lock (_lock)
        {
            var now = NowLocked();
            var next = _tokens >= Options.Capacity ? 0 : Math.Max(0, _lastRefill + _periodTicks - now);
            var blocked = Math.Max(0, _blockedUntil - now);
            return new RateLimitStatus(Name, (int)_tokens, Options.Capacity, _waiters.Count, TimeSpan.FromTicks(next), TimeSpan.FromTicks(blocked));
        }
    }

    /// <summary>Stops the limiter; queued callers fail with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        List<Waiter> abandoned;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            abandoned = [.. _waiters];
            foreach (var waiter in abandoned)
            {
                RemoveLocked(waiter);
            }
        }

        _wakeTimer.Dispose();
        foreach (var waiter in abandoned)
        {
            waiter.TrySetException(new ObjectDisposedException(nameof(ZenRateLimiter), $"Rate limiter '{Name}' was disposed while a caller waited for tokens."));
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"ZenRateLimiter({Name})";

    /// <summary>Returns this bucket as a System.Threading.RateLimiting <see cref="System.Threading.RateLimiting.RateLimiter"/>.</summary>
    /// <returns>An adapter over this bucket.</returns>
    public ZenRateLimiterAdapter AsRateLimiter() => new(this);
}
