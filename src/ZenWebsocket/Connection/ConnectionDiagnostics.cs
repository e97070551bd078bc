namespace ZenWebsocket;

/// <summary>A point-in-time picture of a <see cref="ZenClient"/>, cheap to take.</summary>
/// <param name="State">The current state.</param>
/// <param name="ConnectionId">The id of the current or last socket connection (0 before the first).</param>
/// <param name="ConnectedAt">When the current connection opened; null when not connected.</param>
/// <param name="Uptime">How long the current connection has been open; zero when not connected.</param>
/// <param name="ReconnectCount">Successful reconnects since the client was created.</param>
/// <param name="LastDisconnect">The last transition away from <see cref="ConnectionState.Connected"/>, with its reason.</param>
/// <param name="Heartbeat">Heartbeat health.</param>
/// <param name="ReceiveQueueDepth">Inbound messages waiting for the consumer.</param>
/// <param name="DroppedMessages">Inbound messages dropped because the queue was full.</param>
/// <param name="SendQueueDepth">Sends waiting for a connection.</param>
/// <param name="MessagesReceived">Messages received since the client was created (heartbeat traffic included).</param>
/// <param name="MessagesSent">Messages sent since the client was created (heartbeat traffic included).</param>
/// <param name="BytesReceived">Payload bytes received.</param>
/// <param name="BytesSent">Payload bytes sent.</param>
public sealed record ConnectionDiagnostics(
    ConnectionState State,
    long ConnectionId,
    DateTimeOffset? ConnectedAt,
    TimeSpan Uptime,
    long ReconnectCount,
    ConnectionStateChange? LastDisconnect,
    HeartbeatHealth Heartbeat,
    int ReceiveQueueDepth,
    long DroppedMessages,
    int SendQueueDepth,
    long MessagesReceived,
    long MessagesSent,
    long BytesReceived,
    long BytesSent);
