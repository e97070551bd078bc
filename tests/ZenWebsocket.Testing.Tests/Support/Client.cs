using System.Net.WebSockets;
using System.Text;

namespace ZenWebsocket.Testing.Tests;

/// <summary>ClientWebSocket helpers; every wait is bounded so a broken server fails a test instead of hanging it.</summary>
internal static class Client
{
    /// <summary>Generous bound for things that should happen, for a loaded 2-core machine.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static async Task<ClientWebSocket> ConnectAsync(Uri url, Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        configure?.Invoke(socket.Options);
        using var timeout = new CancellationTokenSource(Bound, TimeProvider.System);
        try
        {
            await socket.ConnectAsync(url, timeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return socket;
    }

    public static Task SendTextAsync(this WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public static Task SendBinaryAsync(this WebSocket socket, byte[] data) =>
        socket.SendAsync(data, WebSocketMessageType.Binary, true, CancellationToken.None);

    /// <summary>Receives one whole message (unbounded; callers bound it).</summary>
    public static async Task<Message> ReceiveMessageAsync(this WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var data = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
            data.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return new Message(result.MessageType, data.ToArray());
            }
        }
    }

    public static Task<Message> ReceiveAsync(this WebSocket socket) => socket.ReceiveMessageAsync().Bounded();

    public static async Task<string> ReceiveTextAsync(this WebSocket socket)
    {
        var message = await socket.ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Text, message.Type);
        return message.Text;
    }

    public static Task<T> Bounded<T>(this Task<T> task) => task.WaitAsync(Bound, TimeProvider.System);

    public static Task Bounded(this Task task) => task.WaitAsync(Bound, TimeProvider.System);

    /// <summary>True when <paramref name="task"/> is still running after a short real-time grace period.</summary>
    public static async Task<bool> IsStillPendingAsync(Task task, int milliseconds = 300)
    {
        var grace = Task.Delay(TimeSpan.FromMilliseconds(milliseconds), TimeProvider.System);
        return await Task.WhenAny(task, grace) == grace && !task.IsCompleted;
    }

    /// <summary>
    /// Asserts that a pending receive faults within the bound. A keep-alive timeout aborts the client,
    /// which .NET reports as WebSocketException or OperationCanceledException depending on timing.
    /// </summary>
    public static async Task AssertFaultsAsync(Task receive)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => receive.Bounded());
        Assert.True(error is WebSocketException or OperationCanceledException, $"Expected the receive to fault, got {error}");
    }

    internal sealed record Message(WebSocketMessageType Type, byte[] Data)
    {
        public string Text => Encoding.UTF8.GetString(Data);
    }
}
