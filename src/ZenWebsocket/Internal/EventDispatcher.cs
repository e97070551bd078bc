using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ZenWebsocket;

/// <summary>
/// Raises the client's events on one background worker, in order, so a slow or throwing handler never stalls the
/// receive loop or the lifecycle. After <see cref="Stop"/> nothing is raised any more.
/// </summary>
internal sealed class EventDispatcher
{
    private readonly Channel<(string Name, Action Raise)> _queue;
    private readonly ILogger _logger;
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

    public void Publish(string name, Action raise)
    {
        if (!_stopped)
        {
            _queue.Writer.TryWrite((name, raise));
        }
    }

    /// <summary>Stops raising events at once; queued ones are discarded.</summary>
    public Task Stop()
    {
        _stopped = true;
        _queue.Writer.TryComplete();
        return _worker;
    }

    private async Task RunAsync()
    {
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
