using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ZenWebsocket;

/// <summary>
/// Raises the client's events on one background worker, in order, so a slow or throwing handler never stalls the
/// receive loop or the lifecycle. After <see cref="StopAsync"/> nothing is raised any more.
/// </summary>
internal sealed class EventDispatcher
{
    private readonly Channel<(string Name, Action Raise)> _queue;
    private readonly ILogger _logger;
    private static readonly AsyncLocal<bool> s_dispatching = new();
    private readonly Task _worker;
    private volatile bool _stopped;

    public EventDispatcher(int capacity, ILogger logger)
    {
        _logger = logger;
        _queue = Channel.CreateBounded<(string, Action)>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Log.EventDropped(logger));
        _worker = Task.Run(RunAsync);
    }

    public void Publish(string name, Action raise) => _queue.Writer.TryWrite((name, raise));

    /// <summary>Gets whether the caller is running inside an event handler of some dispatcher.</summary>
    public static bool IsDispatching => s_dispatching.Value;

    /// <summary>
    /// Accepts no new events, delivers those already queued, then stops. Called from inside a handler it cannot wait
    /// for the worker (that would wait for itself): it then discards what is queued and returns at once.
    /// </summary>
    public Task StopAsync()
    {
        _queue.Writer.TryComplete();
        if (IsDispatching)
        {
            _stopped = true;
            return Task.CompletedTask;
        }

        return _worker;
    }

    private async Task RunAsync()
    {
        s_dispatching.Value = true;
        await foreach (var (name, raise) in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (_stopped)
            {
                continue;
            }

            try
            {
                raise();
            }
#pragma warning disable CA1031 // A user's handler may throw anything; it must not kill the dispatcher.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.EventHandlerFailed(_logger, name, ex);
            }
        }
    }
}
