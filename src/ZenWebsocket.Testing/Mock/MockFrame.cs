using System.Net.WebSockets;
using System.Text;

namespace ZenWebsocket.Testing;

/// <summary>
/// One complete data message received by a <see cref="MockWebSocketServer"/> (fragments already
/// assembled). Control frames (ping, pong, close) are not captured.
/// </summary>
/// <param name="ConnectionId">The <see cref="MockConnection.Id"/> of the connection it arrived on.</param>
/// <param name="Type">Text or binary.</param>
/// <param name="Data">The message payload. Treat as read-only.</param>
/// <param name="ReceivedAt">When it was received, by <see cref="MockServerOptions.TimeProvider"/>.</param>
public sealed record MockFrame(int ConnectionId, WebSocketMessageType Type, byte[] Data, DateTimeOffset ReceivedAt)
{
    private const int PreviewChars = 200;
    private const int PreviewBytes = 32;

    /// <summary>The payload decoded as UTF-8 (invalid sequences become U+FFFD), whatever the <see cref="Type"/>.</summary>
    public string Text => Encoding.UTF8.GetString(Data);

    /// <summary>A short one-line description for test failure messages, e.g. <c>#1 Text "hello"</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        if (Type == WebSocketMessageType.Text)
        {
            var text = Text;
            var preview = text.Length > PreviewChars ? string.Concat(text.AsSpan(0, PreviewChars), "...") : text;
            return $"#{ConnectionId} Text \"{preview}\"";
        }

        var hex = Convert.ToHexString(Data, 0, Math.Min(Data.Length, PreviewBytes));
        var more = Data.Length > PreviewBytes ? "..." : string.Empty;
        return $"#{ConnectionId} {Type} {Data.Length} bytes 0x{hex}{more}";
    }
}
