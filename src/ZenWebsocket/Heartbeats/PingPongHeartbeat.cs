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

    private readonly Lock _gate = new();
    private byte[]? _outstandingPing;
    private long _pingSentTimestamp;

    /// <summary>
    /// Correlates the runtime's pings with their pongs by payload: a matching pong gives the round trip; a pong with
    /// another payload (unsolicited) is ignored. A new ping while the last is unanswered counts as a miss (the .NET
    /// runtime waits for the pong and aborts at KeepAliveTimeout instead, which ends as HeartbeatTimeout).
    /// </summary>
    public override void OnControlFrame(FrameDirection direction, FrameKind kind, ReadOnlySpan<byte> payload)
    {
        if (direction == FrameDirection.Outbound && kind == FrameKind.Ping)
        {
            bool missed;
            lock (_gate)
            {
                missed = _outstandingPing is not null;
                _outstandingPing = payload.ToArray();
                _pingSentTimestamp = Context.Time.GetTimestamp();
            }

            if (missed)
            {
                Context.Monitor.RecordMiss();
            }
        }
        else if (direction == FrameDirection.Inbound && kind == FrameKind.Pong)
        {
            long sentAt;
            lock (_gate)
            {
                if (_outstandingPing is null || !payload.SequenceEqual(_outstandingPing))
                {
                    return;
                }

                _outstandingPing = null;
                sentAt = _pingSentTimestamp;
            }

            Context.Monitor.RecordRoundTrip(Context.Time.GetElapsedTime(sentAt));
        }
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
