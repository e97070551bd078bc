namespace ZenWebsocket;

/// <summary>One frame or message seen on a connection, for recorders and diagnostics.</summary>
/// <param name="Direction">Which way it went.</param>
/// <param name="Kind">Text, binary or a control frame.</param>
/// <param name="Payload">The payload. Only valid during the callback: copy it to keep it.</param>
/// <param name="ConnectionId">The connection it travelled on.</param>
/// <param name="Attempt">The attempt that opened that connection.</param>
/// <param name="Timestamp">When it was seen, as a <see cref="TimeProvider.GetTimestamp"/> value.</param>
/// <param name="WallClock">When it was seen, from the client's clock.</param>
public readonly record struct ObservedFrame(
    FrameDirection Direction,
    FrameKind Kind,
    ReadOnlyMemory<byte> Payload,
    long ConnectionId,
    int Attempt,
    long Timestamp,
    DateTimeOffset WallClock);
