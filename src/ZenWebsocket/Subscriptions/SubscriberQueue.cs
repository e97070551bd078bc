using System.Runtime.CompilerServices;

namespace ZenWebsocket;

/// <summary>
/// One subscriber's bounded queue. Data beyond the capacity is dropped by policy and counted; markers are never
/// dropped (they say where data is missing), and a repeated marker is coalesced so a flapping link cannot grow it.
/// Written from the receive loop without waiting; read by one consumer.
/// </summary>
internal sealed class SubscriberQueue(int capacity, SubscriberFullMode fullMode)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<SubscriptionItem> _items = new();
    private TaskCompletionSource? _waiter;
    private int _dataCount;
    private long _dropped;
    private bool _completed;

    public long Dropped => Interlocked.Read(ref _dropped);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>Adds an item; returns false when a data item was dropped to respect the capacity.</summary>
    public bool Enqueue(in SubscriptionItem item)
    {
        TaskCompletionSource? wake;
        var dropped = false;
        lock (_gate)
        {
            if (_completed)
            {
                return false;
            }

            if (item.IsData)
            {
                if (_dataCount >= capacity)
                {
                    dropped = true;
                    Interlocked.Increment(ref _dropped);
                    if (fullMode == SubscriberFullMode.DropNewest)
                    {
                        return false;
                    }

                    RemoveOldestData();
                }

                _dataCount++;
                _items.AddLast(item);
            }
            else if (_items.Last?.Value is not { IsData: false } last || last.Kind != item.Kind)
            {
                _items.AddLast(item);
            }

            if (item.Kind == SubscriptionItemKind.Failed)
            {
                _completed = true;
            }

            wake = _waiter;
            _waiter = null;
        }

        wake?.TrySetResult();
        return !dropped;
    }

    public void Complete()
    {
        TaskCompletionSource? wake;
        lock (_gate)
        {
            _completed = true;
            wake = _waiter;
            _waiter = null;
        }

        wake?.TrySetResult();
    }

    public async IAsyncEnumerable<SubscriptionItem> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            SubscriptionItem item = default;
            var have = false;
            Task? wait = null;
            lock (_gate)
            {
                if (_items.First is { } first)
                {
                    _items.RemoveFirst();
                    if (first.Value.IsData)
                    {
                        _dataCount--;
                    }

                    item = first.Value;
                    have = true;
                }
                else if (!_completed)
                {
                    _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    wait = _waiter.Task;
                }
            }

            if (have)
            {
                yield return item;
                continue;
            }

            if (wait is null)
            {
                yield break;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void RemoveOldestData()
    {
        for (var node = _items.First; node is not null; node = node.Next)
        {
            if (node.Value.IsData)
            {
                _items.Remove(node);
                _dataCount--;
                return;
            }
        }
    }
}
