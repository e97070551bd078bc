namespace ZenWebsocket;

/// <summary>
/// Wraps a connection's plaintext stream (after TLS) and follows the WebSocket frames going both ways, so ping, pong
/// and close frames, which ClientWebSocket handles internally and never shows, can be observed. It never changes,
/// delays or withholds a byte, and never throws into the transport: the first parse error switches it off for this
/// connection and is reported once.
/// </summary>
internal sealed class FrameTapStream : Stream
{
    private readonly Stream _inner;
    private readonly FrameTapParser _reads;
    private readonly FrameTapParser _writes;
    private readonly Action<Exception>? _onFault;
    private int _disabled;

    /// <summary>Creates the tap.</summary>
    /// <param name="inner">The connection's plaintext stream.</param>
    /// <param name="onControlFrame">Receives each ping, pong and close frame; the span is only valid during the call.</param>
    /// <param name="onFault">Told once why the tap switched itself off.</param>
    public FrameTapStream(Stream inner, Action<FrameDirection, FrameKind, ReadOnlySpan<byte>> onControlFrame, Action<Exception>? onFault = null)
    {
        _inner = inner;
        _onFault = onFault;
        _reads = new FrameTapParser(FrameDirection.Inbound, onControlFrame);
        _writes = new FrameTapParser(FrameDirection.Outbound, onControlFrame);
    }

    /// <summary>Gets whether a parse error switched the tap off.</summary>
    public bool IsDisabled => Volatile.Read(ref _disabled) != 0;

    /// <summary>Gets the parser of the bytes read (server to client).</summary>
    public FrameTapParser Inbound => _reads;

    /// <summary>Gets the parser of the bytes written (client to server).</summary>
    public FrameTapParser Outbound => _writes;

    public override bool CanRead => _inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => _inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Follow(_reads, buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        Follow(_reads, buffer[..read]);
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    // Writes are followed before they go out: a ping is then observed before the pong that answers it can be read.
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Follow(_writes, buffer.Span);
        return _inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Follow(_writes, buffer);
        _inner.Write(buffer);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override void Flush() => _inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Follow(FrameTapParser parser, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty || Volatile.Read(ref _disabled) != 0)
        {
            return;
        }

        try
        {
            parser.Feed(data);
        }
#pragma warning disable CA1031 // Watching must never break the connection: whatever goes wrong only stops the watching.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (Interlocked.Exchange(ref _disabled, 1) == 0)
            {
                ReportFault(ex);
            }
        }
    }

    private void ReportFault(Exception error)
    {
        try
        {
            _onFault?.Invoke(error);
        }
#pragma warning disable CA1031 // A failing fault report (a logger) must not reach the transport either.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
