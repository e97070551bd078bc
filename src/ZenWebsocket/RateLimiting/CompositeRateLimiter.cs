namespace ZenWebsocket;

/// <summary>
/// Several limiters that apply to one request (per connection, per account, per IP, orders on top of weight), taken
/// all or none.
/// </summary>
/// <remarks>
/// <para>
/// Reject mode (<see cref="TryAcquire"/>, <see cref="AcquireOrThrow"/>) is atomic: it locks every limiter involved in
/// one global order (so two composites sharing limiters cannot deadlock), applies refills, checks that every bucket
/// can pay, and only then takes from all of them. A refusal takes nothing, so nothing ever needs to be put back.
/// </para>
/// <para>
/// Wait mode (<see cref="AcquireAsync"/>) first tries the same atomic path. If that fails it queues on each limiter
/// in the same global order, holding the tokens of the earlier ones while it waits for the later ones, so it keeps its
/// place in every queue. If a later limiter refuses (timeout, cancellation, queue full) the earlier reservations are
/// handed back: the request was never sent, so this cancels a reservation and is never a refund of spent tokens. A
/// bucket that gets tokens back is still capped at its capacity, so it never holds more than it would have had if the
/// reservation had not been made. Before queueing, each limiter's arithmetic is checked: if any of them cannot refill
/// in time even with nobody ahead, the call fails at once without reserving anything.
/// </para>
/// </remarks>
public sealed class CompositeRateLimiter : IDisposable
{
    private readonly RateLimitRule[] _rules;
    private readonly ZenRateLimiter[] _limiters;
    private readonly int[] _limiterOfRule;
    private readonly bool _ownsLimiters;

    /// <summary>Creates the composite.</summary>
    /// <param name="rules">The limiters and their costs; the same limiter may appear in several rules (the costs add up).</param>
    /// <param name="ownsLimiters">Whether <see cref="Dispose"/> disposes the limiters. Default <see langword="false"/>: they may be shared.</param>
    /// <exception cref="ArgumentException"><paramref name="rules"/> is empty or contains <see langword="null"/>.</exception>
    public CompositeRateLimiter(IEnumerable<RateLimitRule> rules, bool ownsLimiters = false)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules];
        if (_rules.Length == 0 || _rules.Any(r => r?.Limiter is null || r.Cost is null))
        {
            throw new ArgumentException("A composite rate limiter needs at least one rule, each with a limiter and a cost.", nameof(rules));
        }

        // One global order (creation Id) for taking locks, whatever order the rules came in.
        _limiters = [.. _rules.Select(r => r.Limiter).Distinct().OrderBy(l => l.Id)];
        _limiterOfRule = [.. _rules.Select(r => Array.IndexOf(_limiters, r.Limiter))];
        _ownsLimiters = ownsLimiters;
    }

    /// <summary>Gets the rules, in the order given.</summary>
    public IReadOnlyList<RateLimitRule> Rules => _rules;

    /// <summary>Takes the cost of <paramref name="method"/> from every limiter now, or from none.</summary>
    /// <param name="method">The request's method name; unknown methods get each cost's default.</param>
    /// <param name="retryAfter">When refused, the longest of the refusing limiters' retry times; otherwise zero.</param>
    /// <returns><see langword="true"/> when every limiter paid.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A cost is negative or above its limiter's capacity.</exception>
    public bool TryAcquire(string method, out TimeSpan retryAfter)
    {
        Span<int> costs = stackalloc int[_limiters.Length];
        FillCosts(method, costs);
        return TryAcquireAll(costs, recordRejections: true, out retryAfter);
    }

    /// <summary>Takes the cost of <paramref name="method"/> from every limiter now, or throws having taken nothing.</summary>
    /// <param name="method">The request's method name.</param>
    /// <exception cref="ZenRateLimitedException">A limiter refused; <see cref="ZenRateLimitedException.RetryAfter"/> is the longest retry time.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A cost is negative or above its limiter's capacity.</exception>
    public void AcquireOrThrow(string method)
    {
        if (!TryAcquire(method, out var retryAfter))
        {
            throw new ZenRateLimitedException($"A rate limit refused '{method}'; nothing was taken; retry after {retryAfter}.", retryAfter);
        }
    }

    /// <summary>Takes the cost of <paramref name="method"/> from every limiter, waiting up to <paramref name="maxWait"/> in all.</summary>
    /// <param name="method">The request's method name.</param>
    /// <param name="maxWait">
    /// The longest to wait in all. Default <see langword="null"/>: the smallest <see cref="RateLimitOptions.MaxWait"/>
    /// among the limiters that charge this method.
    /// </param>
    /// <param name="cancellationToken">Cancels the wait; reservations already made are handed back.</param>
    /// <returns>A task that completes when every limiter has paid; it faults with <see cref="ZenRateLimitedException"/> having taken nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A cost is negative or above its limiter's capacity, or <paramref name="maxWait"/> is negative.</exception>
    public ValueTask AcquireAsync(string method, TimeSpan? maxWait = null, CancellationToken cancellationToken = default)
    {
        var costs = new int[_limiters.Length];
        FillCosts(method, costs);
        var wait = maxWait ?? DefaultWait(costs);
        if (wait < TimeSpan.Zero && wait != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(maxWait), wait, "maxWait must be zero, positive, or Timeout.InfiniteTimeSpan.");
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        if (TryAcquireAll(costs, recordRejections: false, out _))
        {
            for (var i = 0; i < costs.Length; i++)
            {
                if (costs[i] > 0)
                {
                    ZenTelemetry.RecordRateLimitWait(_limiters[i].Name, TimeSpan.Zero);
                }
            }

            return default;
        }

        return AcquireInOrderAsync(method, costs, wait, cancellationToken);
    }

    /// <summary>Returns the state of every distinct limiter, in lock order.</summary>
    /// <returns>One status per limiter.</returns>
    public IReadOnlyList<RateLimitStatus> GetStatus() => [.. _limiters.Select(l => l.GetStatus())];

    /// <summary>Disposes the limiters when the composite owns them; otherwise does nothing.</summary>
    public void Dispose()
    {
        if (_ownsLimiters)
        {
            foreach (var limiter in _limiters)
            {
                limiter.Dispose();
            }
        }
    }

    private void FillCosts(string method, Span<int> costs)
    {
        for (var r = 0; r < _rules.Length; r++)
        {
            var cost = _rules[r].Cost.GetCost(method);
            var limiter = _limiters[_limiterOfRule[r]];
            var total = (long)costs[_limiterOfRule[r]] + cost;
            if (cost < 0 || total > limiter.Options.Capacity)
            {
                throw new ArgumentOutOfRangeException(nameof(method), total,
                    $"The cost of '{method}' on rate limit '{limiter.Name}' ({total}) must be between 0 and its capacity ({limiter.Options.Capacity}).");
            }

            costs[_limiterOfRule[r]] = (int)total;
        }
    }

    private bool TryAcquireAll(ReadOnlySpan<int> costs, bool recordRejections, out TimeSpan retryAfter)
    {
        Span<byte> refused = stackalloc byte[costs.Length];
        long retry = 0;
        var entered = 0;
        try
        {
            for (; entered < costs.Length; entered++)
            {
                if (costs[entered] > 0)
                {
                    _limiters[entered].Gate.Enter();
                }
            }

            for (var i = 0; i < costs.Length; i++)
            {
                if (costs[i] > 0)
                {
                    var wait = _limiters[i].CheckLocked(costs[i], out var blocked);
                    if (wait > 0)
                    {
                        refused[i] = blocked ? (byte)2 : (byte)1;
                        retry = Math.Max(retry, wait);
                    }
                }
            }

            if (retry == 0)
            {
                for (var i = 0; i < costs.Length; i++)
                {
                    if (costs[i] > 0)
                    {
                        _limiters[i].TakeCheckedLocked(costs[i]);
                    }
                }
            }
        }
        finally
        {
            for (var i = entered - 1; i >= 0; i--)
            {
                if (costs[i] > 0)
                {
                    _limiters[i].Gate.Exit();
                }
            }
        }

        retryAfter = TimeSpan.FromTicks(retry);
        if (retry > 0 && recordRejections)
        {
            for (var i = 0; i < refused.Length; i++)
            {
                if (refused[i] != 0)
                {
                    ZenTelemetry.RecordRateLimitRejection(_limiters[i].Name, refused[i] == 2 ? RateLimitReasons.Blocked : RateLimitReasons.Exhausted);
                }
            }
        }

        return retry == 0;
    }

    private async ValueTask AcquireInOrderAsync(string method, int[] costs, TimeSpan wait, CancellationToken cancellationToken)
    {
        var infinite = wait == Timeout.InfiniteTimeSpan;
        if (!infinite)
        {
            for (var i = 0; i < costs.Length; i++)
            {
                var floor = costs[i] > 0 ? _limiters[i].LowerBound(costs[i]) : 0;
                if (floor > wait.Ticks)
                {
                    ZenTelemetry.RecordRateLimitRejection(_limiters[i].Name, RateLimitReasons.Timeout);
                    var retry = TimeSpan.FromTicks(floor);
                    throw new ZenRateLimitedException(
                        $"Rate limit '{_limiters[i].Name}' cannot pay for '{method}' within {wait}; nothing was taken; retry after {retry}.", retry);
                }
            }
        }

        var time = _limiters[0].TimeProvider;
        var started = time.GetTimestamp();
        var reserved = 0;
        try
        {
            for (; reserved < costs.Length; reserved++)
            {
                if (costs[reserved] == 0)
                {
                    continue;
                }

                var remaining = infinite ? Timeout.InfiniteTimeSpan : wait - time.GetElapsedTime(started);
                if (!infinite && remaining < TimeSpan.Zero)
                {
                    remaining = TimeSpan.Zero;
                }

                await _limiters[reserved].AcquireAsync(costs[reserved], remaining, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            for (var i = 0; i < reserved; i++)
            {
                if (costs[i] > 0)
                {
                    _limiters[i].Release(costs[i]);
                }
            }

            throw;
        }
    }

    private TimeSpan DefaultWait(int[] costs)
    {
        var wait = TimeSpan.MaxValue;
        for (var i = 0; i < costs.Length; i++)
        {
            if (costs[i] > 0 && _limiters[i].Options.MaxWait < wait)
            {
                wait = _limiters[i].Options.MaxWait;
            }
        }

        return wait == TimeSpan.MaxValue ? TimeSpan.Zero : wait;
    }
}
