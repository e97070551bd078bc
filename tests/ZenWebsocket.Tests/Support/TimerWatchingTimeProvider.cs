using Microsoft.Extensions.Time.Testing;

namespace ZenWebsocket.Tests.Support;

/// <summary>
/// A fake clock that tells when a timer of a given due time is armed, so a test can advance the clock exactly after
/// the code under test started waiting instead of polling for a moment it cannot observe.
/// </summary>
public sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<(TimeSpan DueTime, TaskCompletionSource Armed)> _watches = [];

    /// <summary>Returns a task that completes when the next timer due in <paramref name="dueTime"/> is created.</summary>
    public Task TimerArmed(TimeSpan dueTime)
    {
        var armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _watches.Add((dueTime, armed));
        }

        return armed.Task;
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_lock)
        {
            foreach (var watch in _watches.Where(w => w.DueTime == dueTime).ToArray())
            {
                _watches.Remove(watch);
                watch.Armed.TrySetResult();
            }
        }

        return timer;
    }
}
