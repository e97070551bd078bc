using System.Buffers;
using System.Text.Json;

namespace ZenWebsocket;

public sealed partial class SessionRecorder
{
    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var line = new ArrayBufferWriter<byte>(4096);
        using var json = new Utf8JsonWriter(line, RecordingFormat.WriterOptions);
        long sequence = 0;
        var dirty = false;
        TaskCompletionSource? pendingFlush = null;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var entry))
                {
                    if (entry.IsFlush)
                    {
                        pendingFlush = entry.FlushDone;
                        await FlushOutputAsync(dirty).ConfigureAwait(false);
                        dirty = false;
                        pendingFlush?.TrySetResult();
                        pendingFlush = null;
                        continue;
                    }

                    try
                    {
                        var elapsed = _clientTime.GetElapsedTime(_started, entry.Timestamp);
                        RecordingFormat.Write(json, ++sequence, elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed, entry, entry.Buffer.AsSpan(0, entry.Length), _redactor);
                        json.Flush();
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(entry.Buffer!);
                    }

                    line.Write("\n"u8);
                    await _output.WriteAsync(line.WrittenMemory).ConfigureAwait(false);
                    Interlocked.Increment(ref _written);
                    Interlocked.Add(ref _bytes, line.WrittenCount);
                    line.ResetWrittenCount();
                    json.Reset(line);
                    dirty = true;

                    // The end of a connection is when a recording is most likely to be looked at.
                    if (entry.Kind == FrameKind.Close)
                    {
                        await FlushOutputAsync(dirty).ConfigureAwait(false);
                        dirty = false;
                    }
                }
            }

            await FlushOutputAsync(dirty).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failing disk must not reach the connection: log it, stop recording, count the rest as dropped.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Volatile.Write(ref _fault, ex);
            RecordingLog.WriteFailed(_logger, Path, ex);
            _queue.Writer.TryComplete();
            var stopped = new IOException($"Recording to {Path} stopped: {ex.Message}", ex);
            pendingFlush?.TrySetException(stopped);
            while (reader.TryRead(out var entry))
            {
                if (entry.IsFlush)
                {
                    entry.FlushDone?.TrySetException(stopped);
                }
                else
                {
                    ArrayPool<byte>.Shared.Return(entry.Buffer!);
                    Interlocked.Increment(ref _dropped);
                }
            }
        }
    }

    private async ValueTask FlushOutputAsync(bool dirty)
    {
        if (dirty)
        {
            await _output.FlushAsync().ConfigureAwait(false);
            Interlocked.Increment(ref _flushes);
        }

        Flushed?.Invoke();
    }
}
