using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>
/// One accepted WebSocket: a reader that hands each message to the exchange and a single writer that drains the
/// outbound queue, so responses and notifications leave in the order the exchange queued them.
/// </summary>
internal sealed class WebSocketSession : IConnectionSink, IDisposable
{
    // A.1: frames and bodies above 32 kB are refused with -32600.
    private const int MaxMessageBytes = 32 * 1024;

    // Deribit drops clients that read too slowly; past this many queued messages the connection is aborted.
    private const int MaxQueued = 100_000;

    private static readonly TimeSpan CloseHandshakeBound = TimeSpan.FromSeconds(2);

    private readonly Channel<Outgoing> _outbound = Channel.CreateBounded<Outgoing>(new BoundedChannelOptions(MaxQueued) { SingleReader = true });
    private readonly HttpContext _context;
    private readonly GatedDuplexStream _stream;
    private readonly WebSocket _socket;
    private readonly CancellationTokenSource _aborted = new();

    public WebSocketSession(HttpContext context, GatedDuplexStream stream)
    {
        _context = context;
        _stream = stream;
        _socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
    }

    public bool TrySend(string text)
    {
        if (_outbound.Writer.TryWrite(new Outgoing(text, null, null)))
        {
            return true;
        }

        Abort();
        return false;
    }

    public void Close(WebSocketCloseStatus status, string reason)
    {
        _outbound.Writer.TryWrite(new Outgoing(null, status, reason));
        _outbound.Writer.TryComplete();
    }

    public void Abort()
    {
        _outbound.Writer.TryComplete();
        try
        {
            _aborted.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished.
        }

        try
        {
            _context.Abort();
        }
        catch (Exception ex) when (ex is ObjectDisposedException or NullReferenceException or InvalidOperationException)
        {
            // The request ended (and Kestrel recycled its context) while we were aborting: the connection is gone,
            // which is all an abort wants.
        }
    }

    /// <summary>Stops reading and writing but keeps TCP open: a half-open link.</summary>
    public void GoSilent()
    {
        _stream.PauseReads();
        _stream.MuteWrites();
    }

    /// <summary>Writes raw bytes under the stream's write lock, between whole frames of the WebSocket.</summary>
    public ValueTask WriteRawAsync(byte[] bytes) => _stream.WriteAsync(bytes);

    public async Task RunAsync(ClientConnection connection, Exchange exchange, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _aborted.Token);
        var writer = WriteLoopAsync(linked.Token);
        try
        {
            await ReadLoopAsync(connection, exchange, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // The client went away, the server stopped, or the connection was aborted: the session is over either way.
        }
        finally
        {
            exchange.Disconnected(connection);
            _outbound.Writer.TryComplete();

            // The reader is done, so nothing queued can matter any more; the writer may be waiting out a close handshake.
            await linked.CancelAsync().ConfigureAwait(false);
            await writer.ConfigureAwait(false);
            await AnswerCloseAsync().ConfigureAwait(false);
            Dispose();
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        _aborted.Dispose();
    }

    private async Task ReadLoopAsync(ClientConnection connection, Exchange exchange, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxMessageBytes];
        while (true)
        {
            var length = 0;
            var oversized = false;
            ValueWebSocketReceiveResult result;
            do
            {
                var room = length < buffer.Length ? buffer.AsMemory(length) : new byte[4096];
                result = await _socket.ReceiveAsync(room, cancellationToken).ConfigureAwait(false);
                if (length < buffer.Length && result.Count <= buffer.Length - length)
                {
                    length += result.Count;
                }
                else
                {
                    oversized = true;
                }
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (oversized || length == buffer.Length)
            {
                exchange.RejectOversized(connection);
                continue;
            }

            await exchange.HandleWebSocketAsync(connection, Encoding.UTF8.GetString(buffer, 0, length), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in _outbound.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (item.Text is not null)
                {
                    await _socket.SendAsync(Encoding.UTF8.GetBytes(item.Text), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await _socket.CloseOutputAsync(item.Status!.Value, item.Reason, cancellationToken).ConfigureAwait(false);

                // The client answers the close and the reader ends; one that never answers is cut off. This bound is
                // real time on purpose: a fake clock that a test never advances must not keep a dead socket open.
                using var bound = new CancellationTokenSource(CloseHandshakeBound, TimeProvider.System);
                using var registration = bound.Token.Register(Abort);
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }

        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The connection is gone; the reader sees it too and ends the session.
        }
    }

    /// <summary>A client that started the close handshake gets its answer.</summary>
    private async Task AnswerCloseAsync()
    {
        if (_socket.State != WebSocketState.CloseReceived)
        {
            return;
        }

        using var bound = new CancellationTokenSource(CloseHandshakeBound, TimeProvider.System);
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, bound.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // The client did not wait for the answer.
        }
    }

    private sealed record Outgoing(string? Text, WebSocketCloseStatus? Status, string? Reason);
}
