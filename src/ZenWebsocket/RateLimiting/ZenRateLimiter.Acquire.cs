namespace ZenWebsocket;

public sealed partial class ZenRateLimiter
{
    /// <summary>
    /// Takes <paramref name="cost"/> tokens, waiting in line for them up to <paramref name="maxWait"/>.
    /// </summary>
    /// <param name="cost">Tokens the request costs, from 0 (free, always granted) to <see cref="RateLimitOptions.Capacity"/>.</param>
    /// <param name="maxWait">
    /// The longest to wait; <see cref="TimeSpan.Zero"/> never waits, <see cref="Timeout.InfiniteTimeSpan"/> waits until
    /// cancelled. Default <see langword="null"/>: <see cref="RateLimitOptions.MaxWait"/>.
    /// </param>
    /// <param name="cancellationToken">Cancels the wait; the caller then leaves the queue without tokens.</param>
    /// <returns>A task that completes when the tokens are taken.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is negative or above capacity, or <paramref name="maxWait"/> is negative.</exception>
    /// <exception cref="ObjectDisposedException">The limiter is disposed.</exception>
    /// <remarks>
    /// The returned task faults with <see cref="ZenRateLimitedException"/> (carrying <see cref="ZenRateLimitedException.RetryAfter"/>)
    /// when the queue is full, when the wait runs out, or at once when the bucket's arithmetic shows the tokens cannot
    /// arrive within <paramref name="maxWait"/> even with nobody ahead.
    /// </remarks>
    public ValueTask AcquireAsync(int cost, TimeSpan? maxWait = null, CancellationToken cancellationToken = default)
    {
        ValidateCost(cost);
        var wait = maxWait ?? Options.MaxWait;
        if (wait < TimeSpan.Zero && wait != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(maxWait), wait, "maxWait must be zero, positive, or Timeout.InfiniteTimeSpan.");
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        if (cost == 0)
        {
            return default;
        }

        Waiter? waiter = null;
        string? reason = null;
        long retry = 0;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = NowLocked();
            if (CanGrantLocked(cost, now))
            {
                TakeLocked(cost);
            }
            else
            {
                retry = TicksUntilLocked(_queuedCost + cost, now);
                var infinite = wait == Timeout.InfiniteTimeSpan;
                if (_waiters.Count >= Options.QueueLimit)
                {
                    reason = RateLimitReasons.QueueFull;
                }
                else if (!infinite && TicksUntilLocked(cost, now) > wait.Ticks)
                {
                    // Even with nobody ahead the refills cannot come in time: refuse now instead of after maxWait.
                    reason = RateLimitReasons.Timeout;
                }
                else
                {
                    waiter = EnqueueLocked(cost, now, infinite ? long.MaxValue : now + wait.Ticks, wait);
                }
            }
        }

        if (reason is not null)
        {
            ZenTelemetry.RecordRateLimitRejection(Name, reason);
            return ValueTask.FromException(Refusal(cost, reason, retry));
        }

        if (waiter is null)
        {
            ZenTelemetry.RecordRateLimitWait(Name, TimeSpan.Zero);
            return default;
        }

        if (cancellationToken.CanBeCanceled)
        {
            RegisterCancellation(waiter, cancellationToken);
        }

        return AwaitGrantAsync(waiter);
    }

    /// <summary>Takes <paramref name="cost"/> tokens if they are there now, without waiting or queueing.</summary>
    /// <param name="cost">Tokens the request costs, from 0 to <see cref="RateLimitOptions.Capacity"/>.</param>
    /// <param name="retryAfter">
    /// When refused, the time on the limiter's clock until enough tokens arrive for every queued caller and this one;
    /// <see cref="TimeSpan.Zero"/> when granted.
    /// </param>
    /// <returns><see langword="true"/> when the tokens were taken.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is negative or above capacity.</exception>
    /// <exception cref="ObjectDisposedException">The limiter is disposed.</exception>
    public bool TryAcquire(int cost, out TimeSpan retryAfter)
    {
        ValidateCost(cost);
        retryAfter = TimeSpan.Zero;
        if (cost == 0)
        {
            return true;
        }

        bool blocked;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = NowLocked();
            if (CanGrantLocked(cost, now))
            {
                TakeLocked(cost);
                return true;
            }

            blocked = now < _blockedUntil;
            retryAfter = TimeSpan.FromTicks(TicksUntilLocked(_queuedCost + cost, now));
        }

        ZenTelemetry.RecordRateLimitRejection(Name, blocked ? RateLimitReasons.Blocked : RateLimitReasons.Exhausted);
        return false;
    }

    /// <summary>Takes <paramref name="cost"/> tokens now or throws, never waiting.</summary>
    /// <param name="cost">Tokens the request costs, from 0 to <see cref="RateLimitOptions.Capacity"/>.</param>
    /// <exception cref="ZenRateLimitedException">The tokens are not there; <see cref="ZenRateLimitedException.RetryAfter"/> says when they will be.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is negative or above capacity.</exception>
    /// <exception cref="ObjectDisposedException">The limiter is disposed.</exception>
    public void AcquireOrThrow(int cost)
    {
        if (!TryAcquire(cost, out var retryAfter))
        {
            throw Refusal(cost, RateLimitReasons.Exhausted, retryAfter.Ticks);
        }
    }

    private Waiter EnqueueLocked(int cost, long now, long deadline, TimeSpan wait)
    {
        var waiter = new Waiter(this, cost, now, deadline);
        waiter.Node = _waiters.AddLast(waiter);
        _queuedCost += cost;
        if (deadline != long.MaxValue)
        {
            waiter.Timeout = _time.CreateTimer(s_onTimeout, waiter, DueTime(wait.Ticks), Timeout.InfiniteTimeSpan);
        }

        ArmLocked(now);
        return waiter;
    }

    private void RegisterCancellation(Waiter waiter, CancellationToken cancellationToken)
    {
        // Registered outside the lock: an already-cancelled token runs the callback inline, and the callback takes the lock.
        var registration = cancellationToken.UnsafeRegister(
            static (state, token) => ((Waiter)state!).Limiter.OnWaiterCanceled((Waiter)state!, token), waiter);
        bool finished;
        lock (_lock)
        {
            finished = waiter.Done;
            if (!finished)
            {
                waiter.Registration = registration;
            }
        }

        if (finished)
        {
            registration.Unregister();
        }
    }

    private void ValidateCost(int cost)
    {
        if (cost < 0 || cost > Options.Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost, $"cost must be between 0 and the capacity of rate limit '{Name}' ({Options.Capacity}).");
        }
    }

    private ZenRateLimitedException Refusal(int cost, string reason, long retryTicks)
    {
        var retry = TimeSpan.FromTicks(retryTicks);
        var why = reason switch
        {
            RateLimitReasons.QueueFull => $"its queue is full ({Options.QueueLimit} waiters)",
            RateLimitReasons.Timeout => "the tokens cannot arrive within the wait allowed",
            _ => "there are not enough tokens now",
        };
        return new ZenRateLimitedException($"Rate limit '{Name}' refused a request costing {cost}: {why}; retry after {retry}.", retry);
    }
}
