namespace ZenWebsocket;

/// <summary>
/// Deribit's JSON-RPC heartbeat: on every connect the client sends <c>public/set_heartbeat</c> with
/// <see cref="Interval"/>, answers every <c>test_request</c> with <c>public/test</c> at once, consumes the
/// <c>heartbeat</c> notifications, and declares the link dead after <see cref="Timeout"/> of silence.
/// </summary>
public sealed record DeribitHeartbeatOptions : HeartbeatOptions
{
    /// <summary>Gets the heartbeat interval requested from the server (whole seconds, Deribit's minimum is 10).</summary>
    /// <value>Default 30 seconds.</value>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the longest silence tolerated.</summary>
    /// <value>Default <see langword="null"/>: twice <see cref="Interval"/>.</value>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Gets the silence limit in effect.</summary>
    public TimeSpan EffectiveTimeout => Timeout ?? Interval * 2;

    /// <inheritdoc />
    public override string Name => "Deribit";

    /// <inheritdoc />
    public override void Validate()
    {
        if (Interval < TimeSpan.FromSeconds(10) || Interval > TimeSpan.FromHours(1) || Interval.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException("DeribitHeartbeatOptions.Interval", Interval, "DeribitHeartbeatOptions.Interval must be whole seconds between 10 s (Deribit's minimum) and 1 h.");
        }

        if (Timeout is { } timeout)
        {
            Guard.Positive(timeout, "DeribitHeartbeatOptions.Timeout");
        }
    }

    internal override Heartbeat Create(HeartbeatContext context) => new DeribitHeartbeat(context, this);
}
