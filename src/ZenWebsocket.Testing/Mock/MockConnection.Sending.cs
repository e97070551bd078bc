using System.Net.WebSockets;
using System.Text;

namespace ZenWebsocket.Testing;

public sealed partial class MockConnection
{
    private static readonly TimeSpan CloseHandshakeWait = TimeSpan.FromSeconds(2);

    // One message at a time on the wire: a fragmented message or raw bytes must not be split by another send.
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    /// <summary>Sends one text message.</summary>
    /// <param name="text">The text.</param>
    /// <param name="cancellationToken">Cancels the send (which aborts the connection, as with any WebSocket).</param>
    /// <returns>Completes when written.</returns>
    public ValueTask SendTextAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SendMessageAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, cancellationToken);
    }

    /// <summary>Sends one binary message.</summary>
    /// <param name="data">The payload.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>Completes when written.</returns>
    public ValueTask SendBinaryAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
        SendMessageAsync(data, WebSocketMessageType.Binary, cancellationToken);

    /// <summary>Sends one text message split into frames of at most <paramref name="fragmentSize"/> UTF-8 bytes.</summary>
    /// <param name="text">The text.</param>
    /// <param name="fragmentSize">Bytes per frame, at least 1. A split may fall inside a multi-byte character, which is legal.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>Completes when the last frame is written.</returns>
    public async ValueTask SendFragmentedTextAsync(string text, int fragmentSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(fragmentSize, 1);
        var bytes = Encoding.UTF8.GetBytes(text);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var offset = 0;
            do
            {
                var size = Math.Min(fragmentSize, bytes.Length - offset);
                var last = offset + size >= bytes.Length;
                await _socket.SendAsync(bytes.AsMemory(offset, size), WebSocketMessageType.Text, last, cancellationToken).ConfigureAwait(false);
                offset += size;
            }
            while (offset < bytes.Length);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Writes bytes straight onto the connection, e.g. a malformed frame. Nothing is validated.</summary>
    /// <param name="bytes">The exact bytes to write.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Completes when written.</returns>
    public async ValueTask SendRawAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends a ping control frame.</summary>
    /// <param name="payload">At most 125 bytes.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Completes when written.</returns>
    public ValueTask SendPingAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default) =>
        SendControlAsync(RawFrame.Ping, payload, cancellationToken);

    /// <summary>Sends an unsolicited (or answering) pong control frame.</summary>
    /// <param name="payload">At most 125 bytes.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Completes when written.</returns>
    public ValueTask SendPongAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default) =>
        SendControlAsync(RawFrame.Pong, payload, cancellationToken);

    /// <summary>
    /// Starts the close handshake: sends a close frame, waits up to 2 seconds for the client's close
    /// frame, then ends the connection (aborting it if the client never answered).
    /// </summary>
    /// <param name="status">The close code, e.g. <see cref="WebSocketCloseStatus.NormalClosure"/> or a 4000-4999 application code.</param>
    /// <param name="reason">The reason text (at most 123 UTF-8 bytes), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Completes when the connection has ended.</returns>
    public async ValueTask CloseAsync(WebSocketCloseStatus status, string? reason, CancellationToken cancellationToken = default)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(status, reason, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (IsConnectionGone(ex))
        {
            // Already gone: there is nothing left to close politely.
        }
        finally
        {
            _sendLock.Release();
        }

        try
        {
            await Closed.WaitAsync(CloseHandshakeWait, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Abort();
        }
    }

    internal async ValueTask SendMessageAsync(ReadOnlyMemory<byte> data, WebSocketMessageType type, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(data, type, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    internal static bool IsConnectionGone(Exception ex) =>
        ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException;

    private ValueTask SendControlAsync(byte opcode, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (payload.Length > RawFrame.MaxControlPayload)
        {
            throw new ArgumentOutOfRangeException(nameof(payload), payload.Length, "A control frame payload is at most 125 bytes.");
        }

        return SendRawAsync(RawFrame.Encode(opcode, payload.Span), cancellationToken);
    }
}
