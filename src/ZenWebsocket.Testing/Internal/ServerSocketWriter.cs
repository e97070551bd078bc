using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace ZenWebsocket.Testing;

/// <summary>
/// The mechanics every simulator applies to one accepted server WebSocket: a single writer drains one bounded queue
/// (so text, raw frames and the close leave in the order they were queued), a close waits a bounded time for the
/// client's answer, a client's close is answered, and an abort cuts TCP. The owner supplies the reader and decides
/// what its own "closing" means.
/// </summary>
internal sealed class ServerSocketWriter : IDisposable
{
    // Real time on purpose: a fake clock that a test never advances must not keep a dead socket open.
    private static readonly TimeSpan CloseHandshakeBound = TimeSpan.FromSeconds(2);

    private readonly Channel<Outgoing> _outbound;
    private readonly HttpContext _context;
    private readonly GatedDuplexStream _gate;
    private readonly CancellationTokenSource _aborted = new();

    /// <param name="context">The upgraded request, aborted to cut TCP.</param>
    /// <param name="gate">The raw stream; raw frames are written to it under its write lock.</param>
    /// <param name="transport">The stream the WebSocket runs on: <paramref name="gate"/> or a wrapper of it.</param>
    /// <param name="capacity">How many frames may wait; a full queue makes the queueing methods return false.</param>
    public ServerSocketWriter(HttpContext context, GatedDuplexStream gate, Stream transport, int capacity)
    {
        _outbound = Channel.CreateBounded<Outgoing>(new BoundedChannelOptions(capacity) { SingleReader = true });
        _context = context;
        _gate = gate;
        Socket = WebSocket.CreateFromStream(transport, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
    }

    /// <summary>Gets the server WebSocket, for the owner's reader.</summary>
    public WebSocket Socket { get; }

    /// <summary>Queues a text message; false when the queue is full or already closed.</summary>
    public bool TryQueueText(string text) => _outbound.Writer.TryWrite(new Outgoing(text, null, null, null));

    /// <summary>Queues a raw, already encoded frame; false when the queue is full or already closed.</summary>
    public bool TryQueueRaw(byte[] frame) => _outbound.Writer.TryWrite(new Outgoing(null, frame, null, null));

    /// <summary>Queues the close frame as the last thing to send; anything queued later is refused.</summary>
    public void QueueClose(WebSocketCloseStatus status, string reason)
    {
        _outbound.Writer.TryWrite(new Outgoing(null, null, status, reason));
        _outbound.Writer.TryComplete();
    }

    /// <summary>Cuts the TCP connection, no close frame.</summary>
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

    /// <summary>
    /// Runs <paramref name="readLoop"/> with the writer beside it until the client leaves, the server stops or the
    /// connection is aborted; then <paramref name="readerEnded"/>, the writer's end and the answer to a client's close.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> readLoop, Action readerEnded, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _aborted.Token);
        var writer = WriteLoopAsync(linked.Token);
        try
        {
            await readLoop(linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client went away, the server stopped, or the connection was aborted: the session is over either way.
        }
        finally
        {
            readerEnded();
            _outbound.Writer.TryComplete();

            // The reader is done, so nothing queued can matter any more; the writer may be waiting out a close handshake.
            await linked.CancelAsync().ConfigureAwait(false);
            await writer.ConfigureAwait(false);
            await AnswerCloseAsync().ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        Socket.Dispose();
        _aborted.Dispose();
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in _outbound.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (item.Text is not null)
                {
                    await Socket.SendAsync(Encoding.UTF8.GetBytes(item.Text), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (item.Raw is not null)
                {
                    // Under the stream's write lock, between whole frames of the WebSocket.
                    await _gate.WriteAsync(item.Raw, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await Socket.CloseOutputAsync(item.Status!.Value, item.Reason, cancellationToken).ConfigureAwait(false);

                // The client answers the close and the reader ends; one that never answers is cut off.
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
        if (Socket.State != WebSocketState.CloseReceived)
        {
            return;
        }

        using var bound = new CancellationTokenSource(CloseHandshakeBound, TimeProvider.System);
        try
        {
            await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, bound.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client did not wait for the answer.
        }
    }

    private sealed record Outgoing(string? Text, byte[]? Raw, WebSocketCloseStatus? Status, string? Reason);
}
