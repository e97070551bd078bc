namespace ZenWebsocket.Cli.Output;

/// <summary>
/// Remembers every state change a client raised and lets a script wait for the one it expects, so commands are
/// driven by events rather than sleeps. Also used to let the last event be printed before the client is disposed
/// (dispose discards events still queued).
/// </summary>
internal sealed class StateWatcher
{
    private readonly Lock _lock = new();
    private readonly List<ConnectionStateChange> _seen = [];
    private readonly List<(Func<ConnectionStateChange, bool> Predicate, TaskCompletionSource<ConnectionStateChange> Done)> _waiters = [];

    /// <summary>Records a change and completes the waiters it satisfies. Call it from the StateChanged handler.</summary>
    public void Add(ConnectionStateChange change)
    {
        List<TaskCompletionSource<ConnectionStateChange>> done = [];
        lock (_lock)
        {
            _seen.Add(change);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Predicate(change))
                {
                    done.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var waiter in done)
        {
            waiter.TrySetResult(change);
        }
    }

    /// <summary>Returns the first change seen so far, or still to come, that matches.</summary>
    /// <exception cref="TimeoutException">None matched within <paramref name="timeout"/>.</exception>
    public async Task<ConnectionStateChange> WaitForAsync(Func<ConnectionStateChange, bool> predicate, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        TaskCompletionSource<ConnectionStateChange> done;
        lock (_lock)
        {
            var seen = _seen.Find(c => predicate(c));
            if (seen is not null)
            {
                return seen;
            }

            done = new TaskCompletionSource<ConnectionStateChange>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((predicate, done));
        }

        try
        {
            return await done.Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_lock)
            {
                _waiters.RemoveAll(w => w.Done == done);
            }
        }
    }

    /// <summary>Like <see cref="WaitForAsync"/>, but returns <see langword="null"/> instead of throwing on timeout or cancellation.</summary>
    public async Task<ConnectionStateChange?> TryWaitForAsync(Func<ConnectionStateChange, bool> predicate, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return await WaitForAsync(predicate, timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            return null;
        }
    }
}
