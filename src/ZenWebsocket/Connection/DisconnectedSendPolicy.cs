namespace ZenWebsocket;

/// <summary>What <see cref="ZenClient.SendAsync(ReadOnlyMemory{byte}, System.Net.WebSockets.WebSocketMessageType, CancellationToken)"/> does while the client is not connected.</summary>
public enum DisconnectedSendPolicy
{
    /// <summary>Fail at once with <see cref="ZenSendException"/> (<see cref="SendFailure.NotConnected"/>). The default,
    /// and the only safe choice for orders: nothing is ever replayed behind your back.</summary>
    FailFast,

    /// <summary>Queue (bounded) until connected, then send in order; a message older than its time to live
    /// fails with <see cref="ZenTimeoutException"/> and is never sent. For idempotent traffic only.</summary>
    QueueWithTimeToLive,
}
