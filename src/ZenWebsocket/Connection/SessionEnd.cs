using System.Net.WebSockets;

namespace ZenWebsocket;

/// <summary>How and why one socket connection ended.</summary>
internal sealed record SessionEnd(
    StateChangeReason Reason,
    ZenWebSocketException? Error,
    WebSocketCloseStatus? CloseStatus = null,
    string? CloseDescription = null);
