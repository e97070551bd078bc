namespace ZenWebsocket;

/// <summary>
/// Selects how a <see cref="ZenClient"/> proves the link is alive. Each strategy has an interval and a timeout, and
/// when liveness is lost the connection is torn down with <see cref="StateChangeReason.HeartbeatTimeout"/> and handed
/// to reconnection. Any inbound byte (data, pings, pongs, heartbeat replies) counts as liveness.
/// </summary>
public abstract record HeartbeatOptions
{
    private protected HeartbeatOptions()
    {
    }

    /// <summary>Gets the strategy that sends and checks nothing.</summary>
    public static HeartbeatOptions Disabled { get; } = new DisabledHeartbeatOptions();

    /// <summary>Gets the strategy's name, for diagnostics and telemetry.</summary>
    public abstract string Name { get; }

    /// <summary>Throws when a value is out of range, naming the option.</summary>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    public abstract void Validate();

    internal abstract Heartbeat Create(HeartbeatContext context);
}
