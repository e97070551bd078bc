namespace ZenWebsocket;

/// <summary>Identifies one socket connection of a <see cref="ZenClient"/>.</summary>
/// <param name="ConnectionId">The connection id; it changes with every connection.</param>
/// <param name="Attempt">The attempt that opened it within its connect or reconnect sequence.</param>
/// <param name="IsReconnect">Whether it replaced an earlier connection.</param>
public readonly record struct ConnectionInfo(long ConnectionId, int Attempt, bool IsReconnect);
