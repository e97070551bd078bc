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

    public override Task RunAsync(CancellationToken cancellationToken) =>
        Context.WatchSilenceAsync(_options.Timeout, "ServerPing", cancellationToken);
}
