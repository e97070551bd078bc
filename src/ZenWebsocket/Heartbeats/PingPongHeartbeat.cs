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

    // A pong is due at most Interval + Timeout after the last traffic and the runtime notices that first, with the
    // precise error. This backstop allows twice the timeout so a scheduling stall cannot make it fire before the
    // runtime would; it catches a runtime that stopped pinging, and works on an injected clock.
    public override Task RunAsync(CancellationToken cancellationToken) =>
        Context.WatchSilenceAsync(_options.Interval + (_options.Timeout * 2), "PingPong", cancellationToken);
}
