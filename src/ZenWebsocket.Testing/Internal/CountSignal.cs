namespace ZenWebsocket.Testing;

/// <summary>
/// A counter that tests can await: "wait until at least N things happened". The code path that
/// makes the thing happen completes the waiters, so nobody polls.
/// </summary>
internal sealed class CountSignal(string what)
{
    private readonly Lock _lock = new();
    private readonly List<(int Target, TaskCompletionSource Done)> _waiters = [];
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public int Increment()
    {
        lock (_lock)
        {
            var count = Interlocked.Increment(ref _count);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (count >= _waiters[i].Target)
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }

            return count;
        }
    }

    public async Task WaitAsync(int target, TimeSpan timeout, Func<string>? context = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(target);
        Timeouts.Validate(timeout);
        (int Target, TaskCompletionSource Done) waiter;
        lock (_lock)
        {
            if (_count >= target)
            {
                return;
            }

            waiter = (target, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            _waiters.Add(waiter);
        }

        try
        {
            // Test waits are bounded on real time: a fake clock given to the server must not stall them.
            await waiter.Done.Task.WaitAsync(timeout, TimeProvider.System).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_lock)
            {
                _waiters.Remove(waiter);
            }

            var extra = context is null ? string.Empty : " " + context();
            throw new TimeoutException(
                $"Timed out after {timeout} waiting for {target} {what}; saw {Count}.{extra}");
        }
    }
}
