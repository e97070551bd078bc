using System.Net.WebSockets;
using System.Text;

namespace ZenWebsocket;

/// <summary>One complete inbound WebSocket message (fragments already assembled).</summary>
/// <remarks>The data belongs to the message: it is never reused by the client, so it can be kept.</remarks>
public readonly struct ZenMessage
{
    /// <summary>Creates a message.</summary>
    /// <param name="type">Text or binary.</param>
    /// <param name="data">The payload.</param>
    /// <param name="connectionId">The id of the socket connection it arrived on.</param>
    /// <param name="receivedTimestamp">When it arrived, as a <see cref="TimeProvider.GetTimestamp"/> value.</param>
    public ZenMessage(WebSocketMessageType type, ReadOnlyMemory<byte> data, long connectionId, long receivedTimestamp)
    {
        Type = type;
        Data = data;
        ConnectionId = connectionId;
        ReceivedTimestamp = receivedTimestamp;
    }

    /// <summary>Gets whether the message is text or binary.</summary>
    public WebSocketMessageType Type { get; }

    /// <summary>Gets the payload bytes (UTF-8 for text messages).</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Gets the id of the socket connection the message arrived on; it changes after every reconnect.</summary>
    public long ConnectionId { get; }

    /// <summary>Gets when the message was assembled, as a <see cref="TimeProvider.GetTimestamp"/> value.</summary>
    public long ReceivedTimestamp { get; }

    /// <summary>Gets whether this is a text message.</summary>
    public bool IsText => Type == WebSocketMessageType.Text;

    /// <summary>Decodes the payload as UTF-8 (allocates a string; read <see cref="Data"/> on hot paths).</summary>
    public string Text => Encoding.UTF8.GetString(Data.Span);

    /// <inheritdoc />
    public override string ToString() => IsText ? Text : $"<binary {Data.Length} bytes>";
}
