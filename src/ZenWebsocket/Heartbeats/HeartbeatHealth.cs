namespace ZenWebsocket;

/// <summary>A snapshot of heartbeat health.</summary>
/// <param name="Strategy">The strategy in use.</param>
/// <param name="SinceLastReceived">Time since the last byte arrived on the current connection; null when not connected.</param>
/// <param name="SinceLastHeartbeat">Time since the last heartbeat reply or notification; null before the first.</param>
/// <param name="LastRoundTrip">The last measured heartbeat round trip, when the strategy measures one.</param>
/// <param name="ConsecutiveMisses">Misses since the last reply.</param>
/// <param name="TotalMisses">Misses since the client was created.</param>
/// <param name="Timeouts">Connections torn down for lost liveness since the client was created.</param>
public sealed record HeartbeatHealth(
    string Strategy,
    TimeSpan? SinceLastReceived,
    TimeSpan? SinceLastHeartbeat,
    TimeSpan? LastRoundTrip,
    int ConsecutiveMisses,
    long TotalMisses,
    long Timeouts);
