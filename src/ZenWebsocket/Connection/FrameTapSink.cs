using System.Net;
using Microsoft.Extensions.Logging;

namespace ZenWebsocket;

/// <summary>
/// Connects one attempt's <see cref="FrameTapStream"/> (made by <see cref="SocketConnector"/>, before the session is
/// live) to the client (known once the session is published). Each session owns one. Frames before
/// <see cref="Bind"/> are dropped: nothing is buffered.
/// </summary>
internal sealed class FrameTapSink
{
    private readonly Lock _lock = new();
    private Action<FrameDirection, FrameKind, ReadOnlySpan<byte>>? _target;
    private ILogger? _logger;
    private long _connectionId;
    private Exception? _fault;

    /// <summary>Wraps the connection's plaintext stream in a tap, for HTTP/1.1 (the only version whose bytes are frames).</summary>
    /// <param name="context">The handler's filter context.</param>
    /// <returns>The stream the connection should use.</returns>
    public Stream Wrap(SocketsHttpPlaintextStreamFilterContext context) =>
        context.NegotiatedHttpVersion == HttpVersion.Version11
            ? new FrameTapStream(context.PlaintextStream, Report, Fault)
            : context.PlaintextStream;

    /// <summary>Starts forwarding control frames; reports a fault that happened before, once.</summary>
    /// <param name="target">Receives the frames.</param>
    /// <param name="logger">Where a fault is reported.</param>
    /// <param name="connectionId">The connection, for the log.</param>
    public void Bind(Action<FrameDirection, FrameKind, ReadOnlySpan<byte>> target, ILogger logger, long connectionId)
    {
        Exception? earlier;
        lock (_lock)
        {
            _logger = logger;
            _connectionId = connectionId;
            earlier = _fault;
            Volatile.Write(ref _target, target);
        }

        if (earlier is not null)
        {
            FrameTapLog.TapDisabled(logger, connectionId, earlier.Message);
        }
    }

    private void Report(FrameDirection direction, FrameKind kind, ReadOnlySpan<byte> payload) =>
        Volatile.Read(ref _target)?.Invoke(direction, kind, payload);

    private void Fault(Exception error)
    {
        ILogger? logger;
        long connectionId;
        lock (_lock)
        {
            _fault = error;
            logger = _logger;
            connectionId = _connectionId;
        }

        if (logger is not null)
        {
            FrameTapLog.TapDisabled(logger, connectionId, error.Message);
        }
    }
}
