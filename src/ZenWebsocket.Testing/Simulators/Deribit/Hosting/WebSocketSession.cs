using System.Net.WebSockets;
using System.Text;
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

    private readonly GatedDuplexStream _stream;
    private readonly ServerSocketWriter _writer;

    public WebSocketSession(HttpContext context, GatedDuplexStream stream)
    {
        _stream = stream;
        _writer = new ServerSocketWriter(context, stream, stream, MaxQueued);
    }

    public bool TrySend(string text)
    {
        if (_writer.TryQueueText(text))
        {
            return true;
        }

        Abort();
        return false;
    }

    public void Close(WebSocketCloseStatus status, string reason) => _writer.QueueClose(status, reason);

    public void Abort() => _writer.Abort();

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
        try
        {
            await _writer.RunAsync(token => ReadLoopAsync(connection, exchange, token), () => exchange.Disconnected(connection), stopping).ConfigureAwait(false);
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose() => _writer.Dispose();

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
                result = await _writer.Socket.ReceiveAsync(room, cancellationToken).ConfigureAwait(false);
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
}
