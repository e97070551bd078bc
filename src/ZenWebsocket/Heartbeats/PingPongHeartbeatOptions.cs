namespace ZenWebsocket;

/// <summary>
/// WebSocket PING control frames every <see cref="Interval"/>; a missing PONG within <see cref="Timeout"/> kills the
/// link (uses <c>ClientWebSocket.KeepAliveInterval</c>/<c>KeepAliveTimeout</c>, with a silence watchdog behind it).
/// </summary>
public sealed record PingPongHeartbeatOptions : HeartbeatOptions
{
    /// <summary>Gets how often a PING is sent.</summary>
    /// <value>Default 15 seconds.</value>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets how long to wait for the PONG.</summary>
    /// <value>Default 10 seconds.</value>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public override string Name => "PingPong";

    /// <inheritdoc />
    public override void Validate()
    {
        Guard.Positive(Interval, "PingPongHeartbeatOptions.Interval");
        Guard.Positive(Timeout, "PingPongHeartbeatOptions.Timeout");
    }

    internal override Heartbeat Create(HeartbeatContext context) => new PingPongHeartbeat(context, this);
}
