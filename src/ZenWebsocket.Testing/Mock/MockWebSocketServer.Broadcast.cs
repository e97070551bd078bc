using System.Net.WebSockets;
using System.Text;

namespace ZenWebsocket.Testing;

public sealed partial class MockWebSocketServer
{
    /// <summary>Replaces the message handler for all connections, including open ones, from the next message on.</summary>
    /// <param name="handler">The new handler; <see langword="null"/> restores the default (ping to pong, echo the rest).</param>
    public void SetHandler(Func<MockConnection, MockFrame, ValueTask>? handler) =>
        Volatile.Write(ref _handler, handler ?? DefaultHandlerAsync);

    /// <summary>Sends a text message to every open connection. Connections that end meanwhile are skipped.</summary>
    /// <param name="text">The text.</param>
    /// <param name="cancellationToken">Cancels the sends.</param>
    /// <returns>Completes when written to all.</returns>
    public ValueTask InjectAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return BroadcastAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, cancellationToken);
    }

    /// <summary>Sends a binary message to every open connection. Connections that end meanwhile are skipped.</summary>
    /// <param name="data">The payload.</param>
    /// <param name="cancellationToken">Cancels the sends.</param>
    /// <returns>Completes when written to all.</returns>
    public ValueTask InjectBinaryAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
        BroadcastAsync(data, WebSocketMessageType.Binary, cancellationToken);

    /// <summary>Applies <paramref name="mode"/> to every open connection.</summary>
    /// <param name="mode">Close, abort, go silent or stop answering pings.</param>
    /// <param name="status">The close code for <see cref="DisconnectMode.Close"/>. Default <see cref="WebSocketCloseStatus.NormalClosure"/>.</param>
    /// <param name="reason">The close reason for <see cref="DisconnectMode.Close"/>. Default <see langword="null"/>.</param>
    /// <returns>Completes when applied (for Close: when every connection has ended).</returns>
    public async ValueTask DisconnectAllAsync(DisconnectMode mode, WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure, string? reason = null)
    {
        var connections = Connections;
        switch (mode)
        {
            case DisconnectMode.Close:
                await Task.WhenAll(connections.Select(c => c.CloseAsync(status, reason).AsTask())).ConfigureAwait(false);
                break;
            case DisconnectMode.Abort:
                Array.ForEach(connections.ToArray(), c => c.Abort());
                break;
            case DisconnectMode.GoSilent:
                Array.ForEach(connections.ToArray(), c => c.GoSilent());
                break;
            case DisconnectMode.StopAnsweringPings:
                Array.ForEach(connections.ToArray(), c => c.StopAnsweringPings());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown disconnect mode.");
        }
    }

    internal Func<MockConnection, MockFrame, ValueTask> Handler => Volatile.Read(ref _handler);

    private async ValueTask BroadcastAsync(ReadOnlyMemory<byte> data, WebSocketMessageType type, CancellationToken cancellationToken)
    {
        await Task.WhenAll(Connections.Select(SendOneAsync)).ConfigureAwait(false);

        async Task SendOneAsync(MockConnection connection)
        {
            try
            {
                await connection.SendMessageAsync(data, type, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (MockConnection.IsConnectionGone(ex) && !cancellationToken.IsCancellationRequested)
            {
                // It ended between the snapshot and the send: nobody is left to receive it.
            }
        }
    }

    // Text "ping" gets "pong"; anything else comes back exactly as it arrived (same type, same bytes).
    private static ValueTask DefaultHandlerAsync(MockConnection connection, MockFrame frame) =>
        frame.Type == WebSocketMessageType.Text && frame.Text == "ping"
            ? connection.SendTextAsync("pong")
            : connection.SendMessageAsync(frame.Data, frame.Type, CancellationToken.None);
}
