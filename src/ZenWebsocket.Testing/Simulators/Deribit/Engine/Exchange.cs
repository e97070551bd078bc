using System.Net.WebSockets;

namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>
/// The simulated exchange: accounts, tokens, books, orders, subscriptions. One lock guards everything, so requests,
/// timers and the market generator see one consistent state and notifications are queued in one global order.
/// </summary>
internal sealed partial class Exchange : IDisposable
{
    private readonly Lock _lock = new();
    private readonly DeribitSimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, InstrumentState> _instruments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccountState> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<long, ClientConnection> _connections = [];
    private readonly Dictionary<string, int> _ipSlots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<long, DeribitAuthInfo> _lastAuth = [];
    private readonly Dictionary<string, MethodSpec> _methods;
    private readonly MarketGenerator _generator;
    private readonly CreditLimiter _limiter;
    private readonly ITimer _marketTimer;
    private long _nextConnectionId;
    private int _totalConnections;
    private TimeSpan _responseDelay;
    private bool _maintenance;

    public Exchange(DeribitSimulatorOptions options)
    {
        _options = options;
        _time = options.TimeProvider;
        _generator = new MarketGenerator(options.Seed);
        _limiter = new CreditLimiter(options.RateLimits, _time);
        var id = 100L;
        foreach (var account in options.Accounts)
        {
            _accounts[account.ClientId] = new AccountState(account, id++);
        }

        foreach (var definition in options.Instruments ?? DefaultInstruments.Create(_time.GetUtcNow()))
        {
            var state = new InstrumentState(definition, id++, _generator.FirstChangeId());
            _instruments[definition.Name] = state;
            SeedBook(state);
        }

        _methods = BuildMethods();
        _marketTimer = _time.CreateTimer(_ => OnMarketTick(), null, options.MarketDataInterval, options.MarketDataInterval);
    }

    public int OpenConnections
    {
        get
        {
            lock (_lock)
            {
                return _connections.Count;
            }
        }
    }

    public int TotalConnections => Volatile.Read(ref _totalConnections);

    /// <summary>Gets or sets a method whose next call is executed but never answered: its connection is dropped instead.</summary>
    public string? DropAfter { get; set; }

    public TimeSpan ResponseDelay
    {
        get => _responseDelay;
        set => _responseDelay = value;
    }

    /// <summary>Takes a connection slot for <paramref name="ip"/>; false past <see cref="DeribitSimulatorOptions.MaxConnectionsPerIp"/> (A.10).</summary>
    public bool TryAcquireSlot(string ip)
    {
        lock (_lock)
        {
            var used = _ipSlots.GetValueOrDefault(ip);
            if (used >= _options.MaxConnectionsPerIp)
            {
                return false;
            }

            _ipSlots[ip] = used + 1;
            return true;
        }
    }

    public void ReleaseSlot(string ip)
    {
        lock (_lock)
        {
            if (_ipSlots.TryGetValue(ip, out var used))
            {
                _ipSlots[ip] = used - 1;
            }
        }
    }

    public ClientConnection Connect(string ip, IConnectionSink sink)
    {
        lock (_lock)
        {
            var connection = new ClientConnection(++_nextConnectionId, ip, sink);
            _connections[connection.Id] = connection;
            Interlocked.Increment(ref _totalConnections);
            return connection;
        }
    }

    public static ClientConnection HttpConnection(string ip) => new(0, ip, sink: null);

    /// <summary>The connection is gone: cancel-on-disconnect fires unless it ended by logout (A.8).</summary>
    public void Disconnected(ClientConnection connection)
    {
        lock (_lock)
        {
            if (connection.Closed)
            {
                return;
            }

            connection.Closed = true;
            connection.StopHeartbeat();
            _connections.Remove(connection.Id);
            foreach (var channel in connection.Channels)
            {
                Unsubscribe(connection, channel);
            }

            if (connection.CancelOnDisconnect && !connection.LoggedOut && connection.Auth is { } auth)
            {
                CancelWhere(o => o.Owner == auth.Account && o.ConnectionId == connection.Id, "cancel_on_disconnect");
                Flush();
            }
        }
    }

    public IReadOnlyList<ClientConnection> Connections()
    {
        lock (_lock)
        {
            return _connections.Values.ToArray();
        }
    }

    public void Dispose()
    {
        _marketTimer.Dispose();
        lock (_lock)
        {
            foreach (var connection in _connections.Values)
            {
                connection.StopHeartbeat();
            }
        }
    }

    private long Now() => Num.Millis(_time.GetUtcNow());

    private static void CloseConnection(ClientConnection connection, WebSocketCloseStatus status, string reason)
    {
        connection.StopHeartbeat();
        connection.Sink?.Close(status, reason);
    }
}
