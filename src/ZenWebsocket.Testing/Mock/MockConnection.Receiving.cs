using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;

namespace ZenWebsocket.Testing;

public sealed partial class MockConnection
{
    private const int ReceiveBufferSize = 16 * 1024;
    private const int HandlerQueueCapacity = 1024;
    private static readonly TimeSpan CloseReplyTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Runs the connection until it ends. The server's request pipeline awaits this.</summary>
    internal async Task RunAsync(CancellationToken stopping)
    {
        // Handlers run off the receive loop, in order, so a slow or closing handler never stops this
        // side from reading (and therefore from answering pings and close frames).
        var queue = Channel.CreateBounded<MockFrame>(new BoundedChannelOptions(HandlerQueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var handlers = RunHandlersAsync(queue.Reader);
        try
        {
            await ReceiveLoopAsync(queue.Writer, stopping).ConfigureAwait(false);
        }
        finally
        {
            queue.Writer.TryComplete();
            lock (_lifetimeLock)
            {
                _ended = true;
            }

            _server.OnConnectionEnded(this);
            _closed.TrySetResult();
        }

        await handlers.ConfigureAwait(false);
    }

    private async Task ReceiveLoopAsync(ChannelWriter<MockFrame> handlerQueue, CancellationToken stopping)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReceiveBufferSize);
        var message = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), stopping).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await OnClientCloseAsync().ConfigureAwait(false);
                    return;
                }

                message.Write(buffer.AsSpan(0, result.Count));
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var frame = new MockFrame(Id, result.MessageType, message.WrittenSpan.ToArray(), _server.TimeProvider.GetUtcNow());
                message.ResetWrittenCount();
                _received.Add(frame);
                _server.OnFrameReceived(frame);
                await handlerQueue.WriteAsync(frame, stopping).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (IsConnectionGone(ex))
        {
            // Aborted by either side, a protocol error from the client, or the server stopping: the connection is over.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task OnClientCloseAsync()
    {
        ClientCloseStatus = _socket.CloseStatus;
        ClientCloseDescription = _socket.CloseStatusDescription;
        if (_socket.State != WebSocketState.CloseReceived)
        {
            return; // We started the close; the client's frame was the answer.
        }

        using var timeout = new CancellationTokenSource(CloseReplyTimeout, TimeProvider.System);
        await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
        try
        {
            // Complete the handshake by echoing the client's code, as RFC 6455 section 5.5.1 suggests.
            await _socket.CloseOutputAsync(ClientCloseStatus ?? WebSocketCloseStatus.Empty, ClientCloseDescription, timeout.Token).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task RunHandlersAsync(ChannelReader<MockFrame> frames)
    {
        await foreach (var frame in frames.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await _server.Handler(this, frame).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A broken test script must not kill the connection or the server.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}
