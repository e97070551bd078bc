namespace ZenWebsocket;

/// <summary>Proof that a message reached the socket: on which connection and when.</summary>
/// <param name="ConnectionId">The connection the message was written on.</param>
/// <param name="WrittenTimestamp">When the write completed, as a <see cref="TimeProvider.GetTimestamp"/> value.</param>
public readonly record struct SendReceipt(long ConnectionId, long WrittenTimestamp);
