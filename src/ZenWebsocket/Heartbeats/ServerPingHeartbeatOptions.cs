namespace ZenWebsocket;

/// <summary>
/// For venues that ping the client (Binance): PINGs are answered automatically, and a watchdog declares the link
/// dead when neither pings nor data arrive within <see cref="Timeout"/>.
/// </summary>
public sealed record ServerPingHeartbeatOptions : HeartbeatOptions
{
    /// <summary>Gets the longest silence tolerated.</summary>
    /// <value>Default 60 seconds (Binance pings every 20 s).</value>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public override string Name => "ServerPing";

    /// <inheritdoc />
    public override void Validate() => Guard.Positive(Timeout, "ServerPingHeartbeatOptions.Timeout");

    internal override Heartbeat Create(HeartbeatContext context) => new ServerPingHeartbeat(context, this);
}
