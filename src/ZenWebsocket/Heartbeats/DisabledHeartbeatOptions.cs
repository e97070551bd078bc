namespace ZenWebsocket;

/// <summary>No heartbeat: nothing is sent, silence is never treated as death. Use <see cref="HeartbeatOptions.Disabled"/>.</summary>
public sealed record DisabledHeartbeatOptions : HeartbeatOptions
{
    /// <inheritdoc />
    public override string Name => "Disabled";

    /// <inheritdoc />
    public override void Validate()
    {
    }

    internal override Heartbeat Create(HeartbeatContext context) => new Heartbeat(context);
}
