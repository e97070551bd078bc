using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace ZenWebsocket.Testing.Tests;

/// <summary>
/// A fake clock that reports every timer it creates, so a test can advance time exactly when the
/// code under test has started waiting, instead of guessing and racing.
/// </summary>
internal sealed class SignalingFakeTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits (real time, bounded) until the next timer is created; returns its due time.</summary>
    public async Task<TimeSpan> NextTimerAsync() =>
        await _timers.Reader.ReadAsync().AsTask().WaitAsync(Client.Bound, TimeProvider.System);

    /// <summary>Each time a timer is created, advances by its due time, until <paramref name="task"/> completes.</summary>
    public async Task<T> AdvanceUntilDoneAsync<T>(Task<T> task)
    {
        using var stop = new CancellationTokenSource(Client.Bound, TimeProvider.System);
        try
        {
            while (!task.IsCompleted)
            {
                var next = _timers.Reader.ReadAsync(stop.Token).AsTask();
                if (await Task.WhenAny(task, next) == next)
                {
                    Advance(await next);
                }
            }

            return await task;
        }
        finally
        {
            // Release the last pending read so it cannot swallow a later timer signal.
            await stop.CancelAsync();
        }
    }
}
