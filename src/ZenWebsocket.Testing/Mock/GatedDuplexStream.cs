namespace ZenWebsocket.Testing;

/// <summary>
/// Wraps the upgraded connection stream. Writes are serialized so raw frames written by the test
/// never interleave with the server WebSocket's own frames (each of which it writes in one call).
/// Reads can be paused, which is how "stop answering pings" works: a managed WebSocket only answers
/// pings it reads. Writes can be muted, which together with paused reads makes a half-open link.
/// </summary>
internal sealed class GatedDuplexStream(Stream inner) : AsyncWrappingStream(inner)
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile bool _readsPaused;
    private volatile bool _writesMuted;

    /// <summary>From now on nothing received reaches the WebSocket (bytes are discarded).</summary>
    public void PauseReads() => _readsPaused = true;

    /// <summary>From now on every write is dropped silently, including the WebSocket's own pongs and close frames.</summary>
    public void MuteWrites() => _writesMuted = true;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var read = await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);

            // While paused, keep draining and dropping what arrives: the WebSocket above sees nothing
            // (so no pong goes out), yet the end of the stream still gets through, so a client that
            // leaves still ends this connection instead of leaking it.
            if (read == 0 || !_readsPaused)
            {
                return read;
            }
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_writesMuted)
            {
                await Inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
                await Inner.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    // Every write above flushes, so there is never anything left to flush.
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
