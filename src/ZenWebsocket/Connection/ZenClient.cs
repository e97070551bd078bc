using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ZenWebsocket;

/// <summary>
/// A WebSocket connection to an exchange API: connects with a timeout, sends with one writer, receives into a
/// bounded queue read as <see cref="IAsyncEnumerable{T}"/>, keeps the link alive with a heartbeat strategy and
/// reconnects with jittered backoff. Every state transition raises exactly one <see cref="StateChanged"/> event.
/// </summary>
/// <remarks>
/// Events run on a background worker, never on the receive loop. <see cref="Completion"/> is the equivalent of
/// monitoring the connection: it completes when the connection is down and nothing automatic will bring it back.
/// </remarks>
public sealed partial class ZenClient : IAsyncDisposable
{
    private readonly ZenClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EventDispatcher _events;
    private readonly HeartbeatMonitor _heartbeatMonitor;
    private readonly SendQueue _sendQueue;
    private readonly Lock _stateLock = new();
    private readonly Lock _sendLock = new();
    private readonly SemaphoreSlim _lifecycle = new(1, 1);

    private ConnectionState _state = ConnectionState.Disconnected;
    private ConnectionStateChange? _lastDisconnect;
    private Run _run;
    private ConnectionSession? _session;
    private CancellationTokenSource? _supervisorStop;
    private CancellationTokenSource? _foregroundStop;
    private Task _supervisor = Task.CompletedTask;
    private DateTimeOffset? _connectedAt;
    private bool _draining;
    private long _connectionCounter;
    private long _lastConnectionId;
    private long _reconnectCount;
    private long _dropped;
    private int _dropEventPending;
    private long _messagesReceived;
    private long _messagesSent;
    private long _bytesReceived;
    private long _bytesSent;
    private int _disposed;

    /// <summary>Creates a client; nothing connects until <see cref="ConnectAsync(CancellationToken)"/>.</summary>
    /// <param name="uri">The <c>ws://</c> or <c>wss://</c> endpoint.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="ZenClientOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">The URI or an option is invalid; the message names it.</exception>
    public ZenClient(Uri uri, ZenClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ValidateUri(uri, nameof(uri));
        options ??= ZenClientOptions.Default;
        options.Validate();

        Uri = uri;
        _options = options;
        _time = options.TimeProvider;
        _logger = options.LoggerFactory?.CreateLogger("ZenWebsocket.ZenClient") ?? NullLogger.Instance;
        _events = new EventDispatcher(options.EventQueueCapacity, _logger);
        _heartbeatMonitor = new HeartbeatMonitor(options.Heartbeat.Name, _time);
        _sendQueue = new SendQueue(options.SendQueueCapacity, options.SendQueueTimeToLive, _time, _logger);
        _run = NewRun();
    }

    /// <summary>Raised once per state transition, on a background worker, in order.</summary>
    public event EventHandler<ConnectionStateChange>? StateChanged;

    /// <summary>Raised (coalesced) when inbound messages are dropped because the queue is full.</summary>
    public event EventHandler<MessagesDroppedInfo>? MessagesDropped;

    /// <summary>Gets the endpoint the client was created with.</summary>
    public Uri Uri { get; }

    /// <summary>Gets the validated options.</summary>
    public ZenClientOptions Options => _options;

    /// <summary>Gets the heartbeat round-trip statistics (strategies that measure one: Application, Deribit's set_heartbeat).</summary>
    public LatencyStatistics HeartbeatLatency => _heartbeatMonitor.Latency;

    /// <summary>Gets the current state.</summary>
    public ConnectionState State
    {
        get
        {
            lock (_stateLock)
            {
                return _state;
            }
        }
    }

    /// <summary>
    /// Gets a task that completes, with the final transition, when the connection is down and nothing automatic will
    /// bring it back: closed, disposed, reconnection off, a permanent error, or the reconnect budget exhausted.
    /// A later <see cref="ConnectAsync(CancellationToken)"/> or <see cref="ReconnectAsync"/> starts a new one. It never faults.
    /// </summary>
    public Task<ConnectionStateChange> Completion => Volatile.Read(ref _run).Completion.Task;

    /// <summary>Returns a snapshot of state, uptime, reconnects, heartbeat health and queue depths.</summary>
    /// <returns>The snapshot.</returns>
    public ConnectionDiagnostics GetDiagnostics()
    {
        var session = Volatile.Read(ref _session);
        var connected = session is { IsOpen: true };
        var run = Volatile.Read(ref _run);
        ConnectionStateChange? lastDisconnect;
        lock (_stateLock)
        {
            lastDisconnect = _lastDisconnect;
        }

        return new ConnectionDiagnostics(
            State,
            Interlocked.Read(ref _lastConnectionId),
            connected ? _connectedAt : null,
            connected ? _time.GetElapsedTime(session!.ConnectedTimestamp) : TimeSpan.Zero,
            Interlocked.Read(ref _reconnectCount),
            lastDisconnect,
            _heartbeatMonitor.Snapshot(connected ? session!.Clock.LastRead : 0),
            run.Messages.Reader.Count,
            Interlocked.Read(ref _dropped),
            _sendQueue.Count,
            Interlocked.Read(ref _messagesReceived),
            Interlocked.Read(ref _messagesSent),
            Interlocked.Read(ref _bytesReceived),
            Interlocked.Read(ref _bytesSent));
    }

    private static void ValidateUri(Uri uri, string name)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != "ws" && uri.Scheme != "wss") || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"The URI '{uri}' must be absolute with scheme ws or wss and a host.", name);
        }
    }

    private Run NewRun()
    {
        var options = new BoundedChannelOptions(_options.ReceiveQueueCapacity)
        {
            SingleWriter = true,
            FullMode = _options.ReceiveFullMode switch
            {
                ReceiveFullMode.DropOldest => BoundedChannelFullMode.DropOldest,
                ReceiveFullMode.DropNewest => BoundedChannelFullMode.DropWrite,
                _ => BoundedChannelFullMode.Wait,
            },
        };
        return new Run(Channel.CreateBounded<ZenMessage>(options, _ => OnMessageDropped()));
    }

    private void OnMessageDropped()
    {
        var total = Interlocked.Increment(ref _dropped);
        ZenTelemetry.RecordDrop();
        ZenTelemetry.QueueDepthChanged(-1);

        // Coalesce: a flood of drops must not become a flood of events.
        if (Interlocked.Exchange(ref _dropEventPending, 1) == 0)
        {
            Log.MessagesDropped(_logger, total, _options.ReceiveFullMode);
            _events.Publish(nameof(MessagesDropped), () =>
            {
                Volatile.Write(ref _dropEventPending, 0);
                MessagesDropped?.Invoke(this, new MessagesDroppedInfo(Interlocked.Read(ref _dropped), _options.ReceiveFullMode));
            });
        }
    }

    private ConnectionStateChange Transition(
        ConnectionState next,
        StateChangeReason reason,
        int attempt = 0,
        TimeSpan? nextDelay = null,
        ZenWebSocketException? error = null,
        WebSocketCloseStatus? closeStatus = null,
        string? closeDescription = null,
        long? connectionId = null)
    {
        ConnectionStateChange change;
        lock (_stateLock)
        {
            change = new ConnectionStateChange(_state, next, reason, attempt, nextDelay, closeStatus, closeDescription, error, _time.GetUtcNow(), connectionId ?? Interlocked.Read(ref _lastConnectionId));
            if (_state == ConnectionState.Connected || next is ConnectionState.Disconnected or ConnectionState.Closed)
            {
                _lastDisconnect = next == ConnectionState.Connected ? _lastDisconnect : change;
            }

            _state = next;
        }

        ZenTelemetry.RecordTransition(next, reason);
        Log.StateChanged(_logger, change.ConnectionId, change);
        _events.Publish(nameof(StateChanged), () => StateChanged?.Invoke(this, change));
        return change;
    }

    /// <summary>Ends the current run: completes <see cref="Completion"/>, ends the message stream, fails queued sends.</summary>
    private void EndRun(ConnectionStateChange final, SendFailure queuedFailure)
    {
        var run = Volatile.Read(ref _run);
        run.Messages.Writer.TryComplete();
        run.Completion.TrySetResult(final);
        lock (_sendLock)
        {
            _sendQueue.FailAll(() => new ZenSendException(queuedFailure, $"The connection is down ({final.Reason}); the queued message was not sent."));
        }
    }

    private void BeginRunIfEnded()
    {
        if (Volatile.Read(ref _run).Completion.Task.IsCompleted)
        {
            Volatile.Write(ref _run, NewRun());
        }
    }

    private static void TryCancel(CancellationTokenSource? source)
    {
        try
        {
            source?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished and disposed: nothing left to cancel.
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    /// <summary>The lifetime of one logical connection: from a connect until it is finally down.</summary>
    private sealed record Run(Channel<ZenMessage> Messages)
    {
        public TaskCompletionSource<ConnectionStateChange> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Gets whether a socket is open for writing right now. <see cref="State"/> can still say Connected for a
    /// moment after the server's close arrived; the adapter uses this to treat such a client as lost.</summary>
    internal bool HasOpenSocket => Volatile.Read(ref _session) is { IsOpen: true };
}
