using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace ZenWebsocket;

public sealed partial class ZenClient
{
    /// <summary>
    /// Reads inbound messages in arrival order, across automatic reconnects. The stream ends when the connection is
    /// finally down (see <see cref="Completion"/>); messages already queued are still delivered first.
    /// </summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The messages.</returns>
    public async IAsyncEnumerable<ZenMessage> ReadMessagesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reader = Volatile.Read(ref _run).Messages.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var message))
            {
                ZenTelemetry.QueueDepthChanged(-1);
                yield return message;
            }
        }
    }

    /// <summary>Waits for the next inbound message.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The message, or <see langword="null"/> when the stream has ended.</returns>
    public async ValueTask<ZenMessage?> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        var reader = Volatile.Read(ref _run).Messages.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.TryRead(out var message))
            {
                ZenTelemetry.QueueDepthChanged(-1);
                return message;
            }
        }

        return null;
    }

    /// <summary>The one receive loop of a connection: assembles fragments on pooled buffers, enforces the size limit,
    /// lets the heartbeat see each message, and hands the rest to the queue. No user code runs here.</summary>
    private async Task ReceiveLoopAsync(ConnectionSession session, ChannelWriter<ZenMessage> writer)
    {
        var socket = session.Socket;
        var buffer = ArrayPool<byte>.Shared.Rent(_options.ReceiveBufferSize);
        PooledBufferWriter? fragments = null;
        SessionEnd? end = null;
        try
        {
            while (end is null)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), session.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    end = await OnCloseFrameAsync(session).ConfigureAwait(false);
                    break;
                }

                var pending = fragments?.WrittenCount ?? 0;
                if ((long)pending + result.Count > _options.MaxMessageSize)
                {
                    end = await RejectOversizedAsync(session, pending + result.Count).ConfigureAwait(false);
                    break;
                }

                byte[] data;
                if (result.EndOfMessage && pending == 0)
                {
                    data = buffer.AsSpan(0, result.Count).ToArray();
                }
                else
                {
                    fragments ??= new PooledBufferWriter(_options.ReceiveBufferSize * 2);
                    fragments.Write(buffer.AsSpan(0, result.Count));
                    if (!result.EndOfMessage)
                    {
                        continue;
                    }

                    data = fragments.WrittenMemory.ToArray();
                    fragments.Reset();
                }

                await DeliverAsync(session, writer, new ZenMessage(result.MessageType, data, session.Id, _time.GetTimestamp())).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (session.Token.IsCancellationRequested)
        {
            // The session ended elsewhere (heartbeat, close, dispose); its reason is already recorded.
        }
        catch (ChannelClosedException)
        {
            end = new SessionEnd(StateChangeReason.UserRequested, null);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            end = ClassifyReceiveFailure(session, ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            fragments?.Dispose();
        }

        if (end is not null)
        {
            session.TryEnd(end);
        }
    }

    private async ValueTask DeliverAsync(ConnectionSession session, ChannelWriter<ZenMessage> writer, ZenMessage message)
    {
        Interlocked.Increment(ref _messagesReceived);
        Interlocked.Add(ref _bytesReceived, message.Data.Length);
        ZenTelemetry.RecordMessage(inbound: true, message.Data.Length);
        ObserveFrame(session, FrameDirection.Inbound, message.IsText ? FrameKind.Text : FrameKind.Binary, message.Data);
        if (session.Heartbeat.OnMessage(message) || Intercept(message))
        {
            return;
        }

        ZenTelemetry.QueueDepthChanged(1);
        if (!writer.TryWrite(message))
        {
            // Only in Wait mode: backpressure. The socket is not read meanwhile, which the server will feel.
            await writer.WriteAsync(message, session.Token).ConfigureAwait(false);
        }
    }

    private async Task<SessionEnd> OnCloseFrameAsync(ConnectionSession session)
    {
        var socket = session.Socket;
        var status = socket.CloseStatus;
        var description = socket.CloseStatusDescription;
        if (socket.State == WebSocketState.CloseReceived)
        {
            // The server started the close: echo its status to complete the handshake (RFC 6455 5.5.1).
            try
            {
                using var bound = _time.CreateCancellationTokenSource(_options.CloseTimeout);
                await session.SendCloseAsync(status ?? WebSocketCloseStatus.NormalClosure, null, bound.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
            {
                Log.CloseHandshakeFailed(_logger, ex.Message);
            }
        }

        var reason = session.ClosingReason
            ?? (status == WebSocketCloseStatus.EndpointUnavailable ? StateChangeReason.ServerShutdown : StateChangeReason.ClosedByServer);
        return new SessionEnd(reason, null, status, description);
    }

    private async Task<SessionEnd> RejectOversizedAsync(ConnectionSession session, long size)
    {
        var description = $"message exceeds {_options.MaxMessageSize} bytes";
        try
        {
            using var bound = _time.CreateCancellationTokenSource(_options.CloseTimeout);
            await session.SendCloseAsync(WebSocketCloseStatus.MessageTooBig, description, bound.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            Log.CloseHandshakeFailed(_logger, ex.Message);
        }

        var error = new ZenProtocolException(ProtocolFailure.MessageTooLarge, $"An inbound message reached {size} bytes, over MaxMessageSize ({_options.MaxMessageSize}); the connection was closed with 1009.");
        return new SessionEnd(StateChangeReason.MessageTooLarge, error, WebSocketCloseStatus.MessageTooBig, description);
    }

    private static SessionEnd ClassifyReceiveFailure(ConnectionSession session, Exception exception)
    {
        if (session.Heartbeat is PingPongHeartbeat && MentionsKeepAlive(exception))
        {
            return new SessionEnd(StateChangeReason.HeartbeatTimeout, new ZenTimeoutException(TimeoutKind.Heartbeat, TimeSpan.Zero, "No PONG arrived for a PING within KeepAliveTimeout.", exception));
        }

        if (exception is WebSocketException { WebSocketErrorCode: WebSocketError.Faulted or WebSocketError.HeaderError or WebSocketError.InvalidMessageType } && !MentionsKeepAlive(exception))
        {
            return new SessionEnd(
                StateChangeReason.ProtocolError,
                new ZenProtocolException(ProtocolFailure.InvalidFrame, "The server sent invalid WebSocket data: " + exception.Message, exception),
                session.Socket.CloseStatus,
                session.Socket.CloseStatusDescription);
        }

        return new SessionEnd(StateChangeReason.TransportError, new ZenTransportException(TransportFailure.ConnectionLost, "The connection was lost: " + exception.Message, exception));
    }

    // The runtime reports a missing pong only in its message text; this is the one place that reads it.
    private static bool MentionsKeepAlive(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e.Message.Contains("Pong", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("KeepAlive", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
