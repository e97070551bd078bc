using Microsoft.Extensions.Logging;

namespace ZenWebsocket;

/// <summary>Every log message of the core, with stable event ids (1xxx connection, 2xxx heartbeat, 3xxx messages).</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Connection {ConnectionId}: {Change}")]
    public static partial void StateChanged(ILogger logger, long connectionId, ConnectionStateChange change);

    [LoggerMessage(1001, LogLevel.Warning, "Connect attempt {Attempt} to {Host} failed: {Error}")]
    public static partial void ConnectAttemptFailed(ILogger logger, int attempt, string host, string error);

    [LoggerMessage(1002, LogLevel.Warning, "Connection {ConnectionId} ended: {Reason} {Error}")]
    public static partial void SessionEnded(ILogger logger, long connectionId, StateChangeReason reason, string? error);

    [LoggerMessage(1003, LogLevel.Error, "A {EventName} event handler threw; the client carries on")]
    public static partial void EventHandlerFailed(ILogger logger, string eventName, Exception exception);

    [LoggerMessage(1004, LogLevel.Warning, "Event queue full: a lifecycle event was dropped because handlers are too slow")]
    public static partial void EventDropped(ILogger logger);

    [LoggerMessage(1005, LogLevel.Debug, "Close handshake with the server failed: {Error}")]
    public static partial void CloseHandshakeFailed(ILogger logger, string error);

    [LoggerMessage(1006, LogLevel.Error, "Extension {Extension} threw; the client carries on")]
    public static partial void ExtensionFailed(ILogger logger, string extension, Exception exception);

    [LoggerMessage(2000, LogLevel.Warning, "Connection {ConnectionId}: heartbeat missed ({Misses}/{MaxMisses})")]
    public static partial void HeartbeatMissed(ILogger logger, long connectionId, int misses, int maxMisses);

    [LoggerMessage(2001, LogLevel.Debug, "Connection {ConnectionId}: heartbeat send failed: {Error}")]
    public static partial void HeartbeatSendFailed(ILogger logger, long connectionId, string error);

    [LoggerMessage(2002, LogLevel.Warning, "Connection {ConnectionId}: Deribit rejected public/set_heartbeat: {Response}")]
    public static partial void DeribitSetHeartbeatRejected(ILogger logger, long connectionId, string response);

    [LoggerMessage(4000, LogLevel.Warning, "Subscription to {Topic} was rejected: {Error}")]
    public static partial void SubscriptionRejected(ILogger logger, string topic, string error);

    [LoggerMessage(4001, LogLevel.Warning, "Unsubscribe of {Topics} failed: {Error}")]
    public static partial void UnsubscribeFailed(ILogger logger, string topics, string error);

    [LoggerMessage(4002, LogLevel.Error, "Restoring subscriptions failed")]
    public static partial void RestoreFailed(ILogger logger, Exception exception);

    [LoggerMessage(5000, LogLevel.Warning, "Pool connection {Slot} is down ({Reason}); moving its work")]
    public static partial void PoolConnectionDown(ILogger logger, int slot, StateChangeReason reason);

    [LoggerMessage(5001, LogLevel.Warning, "Pool could not replace a dead connection: {Error}")]
    public static partial void PoolReplacementFailed(ILogger logger, string error);

    [LoggerMessage(5002, LogLevel.Information, "Request {Method} failed on pool connection {Slot} (attempt {Attempt}), trying another: {Error}")]
    public static partial void PoolFailover(ILogger logger, string method, int slot, int attempt, string error);

    [LoggerMessage(3000, LogLevel.Warning, "Inbound queue full: {Dropped} message(s) dropped so far ({Mode})")]
    public static partial void MessagesDropped(ILogger logger, long dropped, ReceiveFullMode mode);

    [LoggerMessage(3001, LogLevel.Warning, "A queued send expired after {TimeToLive} without a connection and was not sent")]
    public static partial void QueuedSendExpired(ILogger logger, TimeSpan timeToLive);
}
