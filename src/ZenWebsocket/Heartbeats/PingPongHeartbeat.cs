using System.Net.WebSockets;

namespace ZenWebsocket;

/// <summary>Transport PING/PONG: the runtime sends pings and aborts on a missing pong; a silence watchdog backs it up.</summary>
internal sealed class PingPongHeartbeat : Heartbeat
{
    private readonly PingPongHeartbeatOptions _options;

    public PingPongHeartbeat(HeartbeatContext context, PingPongHeartbeatOptions options)
        : base(context)
    {
        _options = options;
    }

    public override void ConfigureSocket(ClientWebSocketOptions options)
    {
        options.KeepAliveInterval = _options.Interval;
        options.KeepAliveTimeout = _options.Timeout;
    }

    // A pong is due at most Interval + Timeout after the last traffic; the runtime normally notices first,
    // this catches the case where its timer and ours disagree (and works on an injected clock).
    public override Task RunAsync(CancellationToken cancellationToken) =>
        Context.WatchSilenceAsync(_options.Interval + _options.Timeout, "PingPong", cancellationToken);
}
