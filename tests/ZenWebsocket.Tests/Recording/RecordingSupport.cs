using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Recording;

/// <summary>A temporary recording file, deleted by the test.</summary>
internal sealed class TempRecording : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"zenws-recording-{Guid.NewGuid():N}.jsonl");

    public string ReadAll()
    {
        // The recorder may still hold the file open for writing.
        using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        return reader.ReadToEnd();
    }

    public string[] Lines() => ReadAll().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public async Task<List<RecordedFrame>> ReadAsync()
    {
        var frames = new List<RecordedFrame>();
        await foreach (var frame in RecordingFile.ReadAsync(Path))
        {
            frames.Add(frame);
        }

        return frames;
    }

    public void Dispose() => File.Delete(Path);
}

/// <summary>Completes a task when a frame matching a predicate has been observed (registered after the recorder,
/// so by then the recorder has queued it too).</summary>
internal sealed class FrameWaiter(Func<ObservedFrame, bool> predicate) : IFrameObserver
{
    private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Seen => _seen.Task;

    public void OnFrame(in ObservedFrame frame)
    {
        if (predicate(frame))
        {
            _seen.TrySetResult();
        }
    }
}

/// <summary>A fake clock that reports every timer it creates, so a test advances time only once the code waits.</summary>
internal sealed class TimerSignalingTimeProvider() : FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero))
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    public Task<TimeSpan> NextTimerAsync() => _timers.Reader.ReadAsync().AsTask().Within();
}

/// <summary>A stream whose writes wait at a gate, to stall the recorder's writer on demand.</summary>
internal sealed class GatedStream : MemoryStream
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstWrite = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task FirstWrite => _firstWrite.Task;

    public void Open() => _gate.TrySetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _firstWrite.TrySetResult();
        await _gate.Task.WaitAsync(cancellationToken);
        await base.WriteAsync(buffer, cancellationToken);
    }
}
