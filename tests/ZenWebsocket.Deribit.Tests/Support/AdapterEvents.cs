using System.Collections.Concurrent;

namespace ZenWebsocket.Deribit.Tests.Support;

/// <summary>Records an adapter's state changes and lets a test wait for one.</summary>
public sealed class AdapterEvents
{
    private readonly ConcurrentQueue<AdapterStateChanged> _changes = new();
    private readonly List<(Func<AdapterStateChanged, bool> Match, TaskCompletionSource<AdapterStateChanged> Done)> _waiters = [];
    private readonly Lock _lock = new();

    public AdapterEvents(ExchangeAdapter adapter)
    {
        adapter.StateChanged += (_, e) =>
        {
            _changes.Enqueue(e);
            lock (_lock)
            {
                foreach (var w in _waiters.Where(w => w.Match(e)).ToArray())
                {
                    _waiters.Remove(w);
                    w.Done.TrySetResult(e);
                }
            }
        };
    }

    public IReadOnlyCollection<AdapterStateChanged> Changes => _changes.ToArray();

    /// <summary>Arms a wait for the next matching change (call before causing it).</summary>
    public Task<AdapterStateChanged> Next(Func<AdapterStateChanged, bool> match)
    {
        var done = new TaskCompletionSource<AdapterStateChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _waiters.Add((match, done));
        }

        return done.Task.Within();
    }
}
