namespace ZenWebsocket;

public sealed partial class ZenRateLimiter
{
    private static readonly TimerCallback s_onTimeout = static state =>
        ThreadPool.UnsafeQueueUserWorkItem(static waiter => waiter.Limiter.OnWaiterTimeout(waiter), (Waiter)state!, preferLocal: false);

    /// <summary>One caller queued in wait mode. Its fields are guarded by the limiter's lock.</summary>
    private sealed class Waiter : TaskCompletionSource
    {
        // Continuations run asynchronously: the limiter completes waiters while holding its lock.
        public Waiter(ZenRateLimiter limiter, int cost, long enqueuedAt, long deadline)
            : base(TaskCreationOptions.RunContinuationsAsynchronously)
        {
            Limiter = limiter;
            Cost = cost;
            EnqueuedAt = enqueuedAt;
            Deadline = deadline;
        }

        public ZenRateLimiter Limiter { get; }

        public int Cost { get; }

        public long EnqueuedAt { get; }

        /// <summary>Gets the clock value after which the waiter gives up; <see cref="long.MaxValue"/> when it waits indefinitely.</summary>
        public long Deadline { get; }

        public LinkedListNode<Waiter>? Node { get; set; }

        public ITimer? Timeout { get; set; }

        public CancellationTokenRegistration Registration { get; set; }

        public bool Done { get; set; }

        public long WaitedTicks { get; set; }
    }

    private void OnWaiterTimeout(Waiter waiter)
    {
        long retry;
        lock (_lock)
        {
            if (waiter.Done)
            {
                return;
            }

            // Serve first: when the refill and the deadline fall on the same instant, the caller gets its tokens.
            var now = NowLocked();
            if (waiter.Done)
            {
                return;
            }

            if (now < waiter.Deadline)
            {
                // A coarse timer fired a little early; wait out the rest.
                waiter.Timeout?.Change(DueTime(waiter.Deadline - now), System.Threading.Timeout.InfiniteTimeSpan);
                return;
            }

            RemoveLocked(waiter);
            ServeWaitersLocked(now);
            retry = TicksUntilLocked(_queuedCost + waiter.Cost, now);
        }

        ZenTelemetry.RecordRateLimitRejection(Name, RateLimitReasons.Timeout);
        waiter.TrySetException(new ZenRateLimitedException(
            $"Rate limit '{Name}' had no {waiter.Cost} tokens within the wait allowed.", TimeSpan.FromTicks(retry)));
    }

    private void OnWaiterCanceled(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (waiter.Done)
            {
                return;
            }

            RemoveLocked(waiter);

            // The head may have been the one blocking smaller requests behind it.
            NowLocked();
        }

        waiter.TrySetCanceled(cancellationToken);
    }

    private async ValueTask AwaitGrantAsync(Waiter waiter)
    {
        await waiter.Task.ConfigureAwait(false);
        ZenTelemetry.RecordRateLimitWait(Name, TimeSpan.FromTicks(waiter.WaitedTicks));
    }
}
