namespace ZenWebsocket;

// The hooks CompositeRateLimiter uses to check several buckets under their locks, taken in Id order.
public sealed partial class ZenRateLimiter
{
    /// <summary>With <see cref="Gate"/> held: 0 when <paramref name="cost"/> tokens can be taken now, else ticks until they can.</summary>
    internal long CheckLocked(int cost, out bool blocked)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var now = NowLocked();
        blocked = now < _blockedUntil;
        return CanGrantLocked(cost, now) ? 0 : Math.Max(1, TicksUntilLocked(_queuedCost + cost, now));
    }

    /// <summary>With <see cref="Gate"/> held, after <see cref="CheckLocked"/> returned 0: takes the tokens.</summary>
    internal void TakeCheckedLocked(int cost) => TakeLocked(cost);

    /// <summary>Ticks until <paramref name="cost"/> tokens could arrive with nobody ahead: a lower bound on any wait.</summary>
    internal long LowerBound(int cost)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = NowLocked();
            return TicksUntilLocked(cost, now);
        }
    }

    /// <summary>
    /// Hands back tokens a composite reserved in wait mode but could not use because a later limiter refused. The
    /// request was never sent, so this is a cancelled reservation, not a refund of spent tokens; the bucket stays capped,
    /// and while a penalty blocks the bucket the tokens are dropped.
    /// </summary>
    internal void Release(int cost)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            var now = Clock();
            RefillLocked(now);
            _returned += cost;
            if (now >= _blockedUntil)
            {
                _tokens = Math.Min(Options.Capacity, _tokens + cost);
            }

            ServeWaitersLocked(now);
        }
    }
}
