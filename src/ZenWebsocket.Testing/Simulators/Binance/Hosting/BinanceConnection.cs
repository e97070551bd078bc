using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>
/// One accepted WebSocket of either role, with the connection mechanics Binance applies to both (B.2, B.6): a ping
/// with a payload every <see cref="BinanceSimulatorOptions.PingInterval"/>, a close when no pong echoes it within
/// <see cref="BinanceSimulatorOptions.PongTimeout"/>, <c>serverShutdown</c> and a close at the end of
/// <see cref="BinanceSimulatorOptions.ConnectionLifetime"/>, and (streams only) the inbound-frame rate limit. One
/// writer drains one queue, so frames leave in the order they were queued.
/// </summary>
internal sealed class BinanceConnection : IApiConnection, IDisposable
{
    // Binance drops consumers that read too slowly; past this many queued frames the connection is cut.
    private const int MaxQueued = 100_000;

    private readonly BinanceSimulator _owner;
    private readonly BinanceSimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly GatedDuplexStream _gate;
    private readonly ServerSocketWriter _writer;
    private readonly Lock _pingLock = new();
    private readonly List<(byte[] Payload, DateTimeOffset SentAt)> _pendingPings = [];
    private readonly List<ITimer> _timers = [];
    private ITimer? _pongDeadline;
    private long _pingSequence;
    private long _rateSecond = long.MinValue;
    private int _rateCount;
    private int _closing;
    private volatile bool _silent;
    private volatile bool _combined;

    public BinanceConnection(BinanceSimulator owner, long id, ConnectionRole role, HttpContext context, GatedDuplexStream gate, BinanceSimulatorOptions options)
    {
        _owner = owner;
        _options = options;
        _time = options.TimeProvider;
        _gate = gate;
        Id = id;
        Role = role;
        Ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        Query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        Microseconds = MicrosecondTimes.Requested(Query);
        _writer = new ServerSocketWriter(context, gate, new InboundFrameTap(gate, OnInboundFrame), MaxQueued);
    }

    public long Id { get; }

    public ConnectionRole Role { get; }

    public string Ip { get; }

    public IReadOnlyDictionary<string, string> Query { get; }

    /// <summary>Gets whether the handshake asked for <c>timeUnit=MICROSECOND</c>: event times go out in microseconds.</summary>
    public bool Microseconds { get; }

    /// <summary>Gets or sets whether stream events go out in the <c>{stream, data}</c> wrapper (B.3 <c>combined</c>).</summary>
    public bool Combined
    {
        get => _combined;
        set => _combined = value;
    }

    /// <summary>Gets whether a close or abort has started.</summary>
    public bool IsClosing => Volatile.Read(ref _closing) != 0;

    public bool TrySend(string json)
    {
        if (IsClosing)
        {
            return false;
        }

        if (_writer.TryQueueText(json))
        {
            return true;
        }

        Abort();
        return false;
    }

    public void Close(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        _writer.QueueClose(status, reason);
    }

    /// <summary>Cuts the TCP connection, no close frame.</summary>
    public void Abort()
    {
        Interlocked.Exchange(ref _closing, 1);
        _writer.Abort();
    }

    /// <summary>Stops reading, writing and pinging, but keeps TCP open: a half-open link.</summary>
    public void GoSilent()
    {
        _silent = true;
        _gate.PauseReads();
        _gate.MuteWrites();
    }

    /// <summary>Sends <c>serverShutdown</c> in this connection's form, then closes after <see cref="BinanceSimulatorOptions.ShutdownGrace"/>.</summary>
    public void AnnounceShutdown()
    {
        var ms = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var now = (Microseconds ? ms * 1000 : ms).ToString(CultureInfo.InvariantCulture);
        var evt = "{\"e\":\"serverShutdown\",\"E\":" + now + "}";
        var text = Role == ConnectionRole.Api
            ? "{\"event\":" + evt + "}"
            : Combined ? "{\"stream\":\"!serverShutdown\",\"data\":" + evt + "}" : evt;
        if (!TrySend(text))
        {
            return;
        }

        if (_options.ShutdownGrace <= TimeSpan.Zero)
        {
            Close(WebSocketCloseStatus.EndpointUnavailable, "Server shutdown");
            return;
        }

        AddTimer(_ => Close(WebSocketCloseStatus.EndpointUnavailable, "Server shutdown"), _options.ShutdownGrace, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Starts the ping and lifetime timers; the host calls it before it reports the connection accepted, so a
    /// test that waits for the connection and then advances a fake clock never races the timers.</summary>
    public void StartTimers()
    {
        AddTimer(_ => SendPing(), _options.PingInterval, _options.PingInterval);
        AddTimer(_ => AnnounceShutdown(), _options.ConnectionLifetime, Timeout.InfiniteTimeSpan);
    }

    public Task RunAsync(Action<BinanceConnection, string> onText, CancellationToken stopping) =>
        _writer.RunAsync(
            token => ReadLoopAsync(onText, token),
            () =>
            {
                Interlocked.Exchange(ref _closing, 1);
                StopTimers();
            },
            stopping);

    public void Dispose()
    {
        StopTimers();
        _writer.Dispose();
    }

    private void AddTimer(TimerCallback callback, TimeSpan due, TimeSpan period)
    {
        lock (_timers)
        {
            if (IsClosing)
            {
                return;
            }

            _timers.Add(_time.CreateTimer(callback, null, due, period));
        }
    }

    private void StopTimers()
    {
        lock (_timers)
        {
            foreach (var timer in _timers)
            {
                timer.Dispose();
            }

            _timers.Clear();
        }

        lock (_pingLock)
        {
            _pongDeadline?.Dispose();
            _pongDeadline = null;
        }
    }

    private void SendPing()
    {
        if (_silent || IsClosing)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var sequence = Interlocked.Increment(ref _pingSequence);
        var payload = Encoding.ASCII.GetBytes(now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "-" + sequence.ToString(CultureInfo.InvariantCulture));
        lock (_pingLock)
        {
            _pendingPings.Add((payload, now));
            if (_pendingPings.Count == 1)
            {
                ArmPongDeadline(_options.PongTimeout);
            }
        }

        _writer.TryQueueRaw(RawFrame.Encode(RawFrame.Ping, payload));
    }

    private void ArmPongDeadline(TimeSpan due)
    {
        if (due < TimeSpan.Zero)
        {
            due = TimeSpan.Zero;
        }

        if (_pongDeadline is null)
        {
            _pongDeadline = _time.CreateTimer(_ => CheckPongDeadline(), null, due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _pongDeadline.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private void CheckPongDeadline()
    {
        if (_silent || IsClosing)
        {
            return;
        }

        lock (_pingLock)
        {
            if (_pendingPings.Count == 0)
            {
                return;
            }

            var overdueAt = _pendingPings[0].SentAt + _options.PongTimeout;
            var now = _time.GetUtcNow();
            if (now < overdueAt)
            {
                ArmPongDeadline(overdueAt - now);
                return;
            }
        }

        if (!IsClosing)
        {
            _owner.CountPongTimeout();
            Close(WebSocketCloseStatus.PolicyViolation, "Pong timeout");
        }
    }

    private void OnInboundFrame(byte opcode, byte[] payload)
    {
        if (opcode == RawFrame.Pong && !_owner.DiscardingPongs)
        {
            AcceptPong(payload);
        }

        var limit = _options.MaxIncomingMessagesPerSecond;
        if (Role != ConnectionRole.Stream || limit == 0 || opcode is not (0x1 or 0x2 or RawFrame.Ping or RawFrame.Pong) || IsClosing)
        {
            return;
        }

        var second = _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000;
        if (second != _rateSecond)
        {
            _rateSecond = second;
            _rateCount = 0;
        }

        if (++_rateCount > limit)
        {
            _owner.CountRateLimitDisconnect();
            Close(WebSocketCloseStatus.PolicyViolation, "Too many messages");
        }
    }

    private void AcceptPong(byte[] payload)
    {
        lock (_pingLock)
        {
            // An echo answers its ping and every older one; unsolicited pongs (no match) keep nothing alive.
            var index = _pendingPings.FindIndex(p => p.Payload.AsSpan().SequenceEqual(payload));
            if (index < 0)
            {
                return;
            }

            _pendingPings.RemoveRange(0, index + 1);
            if (_pendingPings.Count > 0)
            {
                ArmPongDeadline(_pendingPings[0].SentAt + _options.PongTimeout - _time.GetUtcNow());
            }
            else
            {
                _pongDeadline?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private async Task ReadLoopAsync(Action<BinanceConnection, string> onText, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            message.SetLength(0);
            ValueWebSocketReceiveResult result;
            do
            {
                result = await _writer.Socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (result.MessageType == WebSocketMessageType.Text && !_silent && !IsClosing)
            {
                onText(this, Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
            }
        }
    }
}
