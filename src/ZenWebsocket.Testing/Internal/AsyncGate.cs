namespace ZenWebsocket.Testing;

/// <summary>
/// An open/closed gate that async code can wait on without polling. Closing swaps in a fresh
/// uncompleted task; opening completes it, releasing every waiter at once.
/// </summary>
internal sealed class AsyncGate
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _open = CreateOpen();

    public bool IsClosed
    {
        get
        {
            lock (_lock)
            {
                return !_open.Task.IsCompleted;
            }
        }
    }

    public void Close()
    {
        lock (_lock)
        {
            if (_open.Task.IsCompleted)
            {
                _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void Open()
    {
        lock (_lock)
        {
            _open.TrySetResult();
        }
    }

    public Task WaitOpenAsync(CancellationToken cancellationToken)
    {
        Task open;
        lock (_lock)
        {
            open = _open.Task;
        }

        return open.IsCompleted ? Task.CompletedTask : open.WaitAsync(cancellationToken);
    }

    private static TaskCompletionSource CreateOpen()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
