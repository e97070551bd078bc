namespace ZenWebsocket;

/// <summary>The server pings (answered automatically while a receive is pending); silence kills the link.</summary>
internal sealed class ServerPingHeartbeat : Heartbeat
{
    private readonly ServerPingHeartbeatOptions _options;

    public ServerPingHeartbeat(HeartbeatContext context, ServerPingHeartbeatOptions options)
        : base(context)
    {
        _options = options;
    }

    /// <summary>A server ping is the heartbeat this strategy waits for.</summary>
    public override void OnControlFrame(FrameDirection direction, FrameKind kind, ReadOnlySpan<byte> payload)
    {
        if (direction == FrameDirection.Inbound && kind == FrameKind.Ping)
        {
            Context.Monitor.RecordBeat();
        }
    }

    public override Task RunAsync(CancellationToken cancellationToken) =>
        Context.WatchSilenceAsync(_options.Timeout, "ServerPing", cancellationToken);
}
