using System.Threading.Channels;

namespace ZenWebsocket.Tests.Adapters;

/// <summary>Records an adapter's state and step events and lets a test await the next one that matches.</summary>
public sealed class AdapterEvents
{
    private readonly Channel<object> _pending = Channel.CreateUnbounded<object>();
    private readonly List<object> _all = [];

    public AdapterEvents(ExchangeAdapter adapter)
    {
        adapter.StateChanged += (_, change) => Add(change);
        adapter.StepCompleted += (_, step) => Add(step);
    }

    public IReadOnlyList<object> All
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    public IReadOnlyList<AdapterStepCompleted> Steps => All.OfType<AdapterStepCompleted>().ToArray();

    public IReadOnlyList<AdapterStateChanged> States => All.OfType<AdapterStateChanged>().ToArray();

    /// <summary>Consumes events in order until one matches; fails with the history when none does in time.</summary>
    public async Task<T> WaitAsync<T>(Func<T, bool> predicate, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10), TimeProvider.System);
        try
        {
            while (true)
            {
                if (await _pending.Reader.ReadAsync(cts.Token) is T item && predicate(item))
                {
                    return item;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No matching {typeof(T).Name}. Seen:\n" + string.Join("\n", All));
        }
    }

    public Task<AdapterStateChanged> WaitForStateAsync(AdapterState state, TimeSpan? timeout = null) =>
        WaitAsync<AdapterStateChanged>(c => c.Current == state, timeout);

    private void Add(object item)
    {
        lock (_all)
        {
            _all.Add(item);
        }

        _pending.Writer.TryWrite(item);
    }
}
