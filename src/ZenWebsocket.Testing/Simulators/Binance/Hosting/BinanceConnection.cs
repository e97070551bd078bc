using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
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
    private static readonly TimeSpan CloseHandshakeBound = TimeSpan.FromSeconds(2);

    // Binance drops consumers that read too slowly; past this many queued frames the connection is cut.
    private const int MaxQueued = 100_000;

    private readonly Channel<Outgoing> _outbound = Channel.CreateBounded<Outgoing>(new BoundedChannelOptions(MaxQueued) { SingleReader = true });
    private readonly BinanceSimulator _owner;
    private readonly BinanceSimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpContext _context;
    private readonly GatedDuplexStream _gate;
    private readonly WebSocket _socket;
    private readonly CancellationTokenSource _aborted = new();
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
        _context = context;
        _gate = gate;
        Id = id;
        Role = role;
        Ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        Query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        Microseconds = MicrosecondTimes.Requested(Query);
        var tap = new InboundFrameTap(gate, OnInboundFrame);
        _socket = WebSocket.CreateFromStream(tap, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
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

        if (_outbound.Writer.TryWrite(new Outgoing(json, null, null, null)))
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

        _outbound.Writer.TryWrite(new Outgoing(null, null, status, reason));
        _outbound.Writer.TryComplete();
    }

    /// <summary>Cuts the TCP connection, no close frame.</summary>
    public void Abort()
    {
        Interlocked.Exchange(ref _closing, 1);
        _outbound.Writer.TryComplete();
        try
        {
            _aborted.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished.
        }

        try
        {
            _context.Abort();
        }
        catch (Exception ex) when (ex is ObjectDisposedException or NullReferenceException or InvalidOperationException)
        {
            // The request already ended: the connection is gone, which is all an abort wants.
        }
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

    public async Task RunAsync(Action<BinanceConnection, string> onText, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _aborted.Token);
        var writer = WriteLoopAsync(linked.Token);
        try
        {
            await ReadLoopAsync(onText, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client went away, the server stopped, or the connection was aborted: the session is over either way.
        }
        finally
        {
            Interlocked.Exchange(ref _closing, 1);
            StopTimers();
            _outbound.Writer.TryComplete();
            await linked.CancelAsync().ConfigureAwait(false);
            await writer.ConfigureAwait(false);
            await AnswerCloseAsync().ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        StopTimers();
        _socket.Dispose();
        _aborted.Dispose();
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

        _outbound.Writer.TryWrite(new Outgoing(null, RawFrame.Encode(RawFrame.Ping, payload), null, null));
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
                result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
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

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in _outbound.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (item.Text is not null)
                {
                    await _socket.SendAsync(Encoding.UTF8.GetBytes(item.Text), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (item.Raw is not null)
                {
                    // Under the stream's write lock, between whole frames of the WebSocket.
                    await _gate.WriteAsync(item.Raw, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await _socket.CloseOutputAsync(item.Status!.Value, item.Reason, cancellationToken).ConfigureAwait(false);

                // The client answers the close and the reader ends; one that never answers is cut off. Real time on
                // purpose: a fake clock that a test never advances must not keep a dead socket open.
                using var bound = new CancellationTokenSource(CloseHandshakeBound, TimeProvider.System);
                using var registration = bound.Token.Register(Abort);
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The connection is gone; the reader sees it too and ends the session.
        }
    }

    private async Task AnswerCloseAsync()
    {
        if (_socket.State != WebSocketState.CloseReceived)
        {
            return;
        }

        using var bound = new CancellationTokenSource(CloseHandshakeBound, TimeProvider.System);
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, bound.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client did not wait for the answer.
        }
    }

    private sealed record Outgoing(string? Text, byte[]? Raw, WebSocketCloseStatus? Status, string? Reason);
}
