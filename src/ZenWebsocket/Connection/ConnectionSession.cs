using System.Net.WebSockets;

namespace ZenWebsocket;

/// <summary>
/// One socket connection and everything bound to it: its loops, its cancellation, its single writer and its end.
/// A session's timers and loops all stop on its own token, so nothing of an old attempt can touch a newer one.
/// </summary>
#pragma warning disable CA1001 // The token source is disposed in RetireAsync; the semaphore holds no wait handle.
internal sealed class ConnectionSession
#pragma warning restore CA1001
{
    private readonly TaskCompletionSource<SessionEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public ConnectionSession(long id, int attempt, bool isReconnect, LivenessClock clock)
    {
        Id = id;
        Attempt = attempt;
        IsReconnect = isReconnect;
        Clock = clock;
    }

    public bool IsReconnect { get; }

    public long Id { get; }

    public int Attempt { get; }

    public LivenessClock Clock { get; }

    /// <summary>Gets the tap that reports this connection's control frames (pings, pongs, closes).</summary>
    public FrameTapSink Tap { get; } = new();

    public ClientWebSocket Socket { get; private set; } = null!;

    public HttpMessageInvoker? Invoker { get; private set; }

    public Heartbeat Heartbeat { get; set; } = null!;

    public long ConnectedTimestamp { get; set; }

    /// <summary>Gets or sets the reason to report when a close started by us completes.</summary>
    public StateChangeReason? ClosingReason { get; set; }

    public CancellationToken Token => _stop.Token;

    public Task<SessionEnd> Ended => _ended.Task;

    public bool IsOpen => !_ended.Task.IsCompleted;

    public List<Task> Loops { get; } = [];

    public void Attach(ClientWebSocket socket, HttpMessageInvoker invoker)
    {
        Socket = socket;
        Invoker = invoker;
    }

    /// <summary>Ends the session once; the first reason wins. Stops every loop and aborts the socket.</summary>
    public bool TryEnd(SessionEnd end)
    {
        if (!_ended.TrySetResult(end))
        {
            return false;
        }

        _stop.Cancel();
        Socket?.Abort();
        return true;
    }

    /// <summary>Writes one whole message; one writer at a time, as ClientWebSocket requires.</summary>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> data, WebSocketMessageType type, CancellationToken cancellationToken)
    {
        if (!IsOpen)
        {
            throw new ZenSendException(SendFailure.NotConnected, "The connection ended before the message could be written.");
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Socket.SendAsync(data, type, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !Token.IsCancellationRequested)
        {
            // ClientWebSocket aborts the socket when a send is cancelled midway: the connection is gone either way.
            TryEnd(new SessionEnd(StateChangeReason.TransportError, new ZenTransportException(TransportFailure.ConnectionLost, "A send was cancelled midway, which aborts the socket.")));
            throw;
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            var error = new ZenSendException(SendFailure.WriteFailed, "Writing to the socket failed: " + ex.Message, ex);
            TryEnd(new SessionEnd(StateChangeReason.TransportError, new ZenTransportException(TransportFailure.ConnectionLost, error.Message, ex)));
            throw error;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Sends our close frame (under the write lock, so it never interleaves with a message).</summary>
    public async Task SendCloseAsync(WebSocketCloseStatus status, string? description, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await Socket.CloseOutputAsync(status, description, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task RetireAsync()
    {
        TryEnd(new SessionEnd(StateChangeReason.UserRequested, null));
        try
        {
            await Task.WhenAll(Loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Loops stop by cancellation; that is their normal end.
        }

        Socket?.Dispose();
        Invoker?.Dispose();
        _stop.Dispose();
    }
}
