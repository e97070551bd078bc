using System.Threading.Channels;

namespace ZenWebsocket.Tests.Support;

/// <summary>Records every state change of a client and lets a test await the next one that matches.</summary>
public sealed class StateRecorder
{
    private readonly Channel<ConnectionStateChange> _pending = Channel.CreateUnbounded<ConnectionStateChange>();
    private readonly List<ConnectionStateChange> _all = [];

    public StateRecorder(ZenClient client)
    {
        client.StateChanged += (_, change) =>
        {
            lock (_all)
            {
                _all.Add(change);
            }

            _pending.Writer.TryWrite(change);
        };
    }

    public IReadOnlyList<ConnectionStateChange> All
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    /// <summary>Consumes changes in order until one matches; fails with the history when none does in time.</summary>
    public async Task<ConnectionStateChange> WaitAsync(Func<ConnectionStateChange, bool> predicate, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10), TimeProvider.System);
        try
        {
            while (true)
            {
                var change = await _pending.Reader.ReadAsync(cts.Token);
                if (predicate(change))
                {
                    return change;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("No matching state change. Seen:\n" + string.Join("\n", All));
        }
    }

    public Task<ConnectionStateChange> WaitForAsync(ConnectionState state, TimeSpan? timeout = null) =>
        WaitAsync(c => c.Current == state, timeout);
}
