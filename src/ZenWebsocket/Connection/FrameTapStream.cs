namespace ZenWebsocket;

/// <summary>
/// Wraps a connection's plaintext stream (after TLS) and follows the WebSocket frames going both ways, so ping, pong
/// and close frames, which ClientWebSocket handles internally and never shows, can be observed. It never changes,
/// delays or withholds a byte, and never throws into the transport: the first parse error switches it off for this
/// connection and is reported once.
/// </summary>
internal sealed class FrameTapStream : ObservingStream
{
    private readonly FrameTapParser _reads;
    private readonly FrameTapParser _writes;
    private readonly Action<Exception>? _onFault;
    private int _disabled;

    /// <summary>Creates the tap.</summary>
    /// <param name="inner">The connection's plaintext stream.</param>
    /// <param name="onControlFrame">Receives each ping, pong and close frame; the span is only valid during the call.</param>
    /// <param name="onFault">Told once why the tap switched itself off.</param>
    public FrameTapStream(Stream inner, Action<FrameDirection, FrameKind, ReadOnlySpan<byte>> onControlFrame, Action<Exception>? onFault = null)
        : base(inner)
    {
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

    protected override void OnRead(ReadOnlySpan<byte> data) => Follow(_reads, data);

    // Writes are followed before they go out: a ping is then observed before the pong that answers it can be read.
    protected override void OnWrite(ReadOnlySpan<byte> data) => Follow(_writes, data);

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
