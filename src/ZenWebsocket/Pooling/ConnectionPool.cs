using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ZenWebsocket;

/// <summary>
/// N connections to one endpoint. Requests go to the healthiest connection (pending requests, p99 latency, fading
/// recent errors, state) and fail over — only when that cannot execute an order twice — within a bounded number of
/// attempts. Subscriptions are sharded under a per-connection topic cap; when a connection is finally down its topics
/// move to the others (and to its replacement) without ending the consumers' streams.
/// </summary>
public sealed partial class ConnectionPool : IAsyncDisposable
{
    private readonly Uri _uri;
    private readonly ConnectionPoolOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _topicsGate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private PooledConnection[] _connections = [];
    private int _nextSlot;
    private int _roundRobin;
    private int _disposed;

    /// <summary>Creates a pool; nothing connects until <see cref="StartAsync"/>.</summary>
    /// <param name="uri">The endpoint.</param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    public ConnectionPool(Uri uri, ConnectionPoolOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        options ??= new ConnectionPoolOptions();
        options.Validate();
        _uri = uri;
        _options = options;
        _logger = options.Client.LoggerFactory?.CreateLogger("ZenWebsocket.Pool") ?? NullLogger.Instance;
    }

    /// <summary>Gets the live connections.</summary>
    public IReadOnlyList<PooledConnection> Connections => Volatile.Read(ref _connections);

    /// <summary>Gets how many requests moved to another connection after a failure.</summary>
    public long Failovers => Interlocked.Read(ref _failovers);

    /// <summary>Connects every connection of the pool.</summary>
    /// <param name="cancellationToken">Cancels the connects.</param>
    /// <returns>A task that completes when all are connected.</returns>
    /// <exception cref="ZenWebSocketException">A connection failed; the pool closes the others.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var connections = Enumerable.Range(0, _options.Size).Select(_ => Create()).ToArray();
        try
        {
            await Task.WhenAll(connections.Select(c => c.Client.ConnectAsync(cancellationToken))).ConfigureAwait(false);
        }
        catch
        {
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask())).ConfigureAwait(false);
            throw;
        }

        foreach (var connection in connections)
        {
            Adopt(connection);
        }
    }

    /// <summary>Returns the connection that should take the next request, or <see langword="null"/> when none is connected.</summary>
    /// <param name="exclude">Connections already tried.</param>
    /// <returns>The healthiest connected connection; ties go round-robin.</returns>
    public PooledConnection? SelectHealthiest(IReadOnlySet<PooledConnection>? exclude = null)
    {
        var connections = Volatile.Read(ref _connections);
        var best = new List<PooledConnection>(connections.Length);
        var bestScore = 0;
        foreach (var candidate in connections)
        {
            if (exclude?.Contains(candidate) == true)
            {
                continue;
            }

            var score = candidate.GetHealth().Score;
            if (score > bestScore)
            {
                best.Clear();
                bestScore = score;
            }

            if (score == bestScore && score > 0)
            {
                best.Add(candidate);
            }
        }

        // Equally healthy connections take turns, so load spreads evenly.
        return best.Count == 0 ? null : best[(int)((uint)Interlocked.Increment(ref _roundRobin) % (uint)best.Count)];
    }

    /// <summary>Closes every connection.</summary>
    /// <returns>A task that completes when closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        PooledConnection[] connections;
        lock (_gate)
        {
            connections = _connections;
            _connections = [];
        }

        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask())).ConfigureAwait(false);
    }

    private PooledConnection Create() => new(
        Interlocked.Increment(ref _nextSlot),
        new ZenClient(_uri, _options.Client),
        _options,
        c => RotateInBackground(c, "the server announced a shutdown"));

    /// <summary>Adds a connected connection and watches it: when it is finally down, its work moves elsewhere.</summary>
    private void Adopt(PooledConnection connection)
    {
        lock (_gate)
        {
            _connections = [.. _connections, connection];
        }

        if (_options.RotationInterval is { } rotation)
        {
            connection.ScheduleRotation(rotation, c => RotateInBackground(c, "its scheduled lifetime is over"));
        }

        _ = WatchAsync(connection);
    }

    private async Task WatchAsync(PooledConnection connection)
    {
        var final = await connection.Client.Completion.ConfigureAwait(false);
        if (_stop.IsCancellationRequested || connection.IsRetiring || !connection.TryMarkDown())
        {
            // A rotation closes its old connection itself (and handles its death if the rotation fails).
            return;
        }

        await HandleDownAsync(connection, final.Reason).ConfigureAwait(false);
    }

    private async Task HandleDownAsync(PooledConnection connection, StateChangeReason reason)
    {
        Log.PoolConnectionDown(_logger, connection.Slot, reason);
        Forget(connection);

        try
        {
            if (_options.ReplaceDeadConnections)
            {
                await ReplaceAsync().ConfigureAwait(false);
            }

            await RebalanceAsync(connection).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            return;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ReplaceAsync() => await OpenAsync(_stop.Token).ConfigureAwait(false);

    /// <summary>Opens and adopts one more connection; returns <see langword="null"/> (logged) when it cannot connect.</summary>
    private async Task<PooledConnection?> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Create();
        try
        {
            await connection.Client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            Adopt(connection);
            return connection;
        }
        catch (ZenWebSocketException ex)
        {
            Log.PoolReplacementFailed(_logger, ex.Message);
            await connection.DisposeAsync().ConfigureAwait(false);
            return null;
        }
    }

    private void Forget(PooledConnection connection)
    {
        lock (_gate)
        {
            _connections = _connections.Where(c => !ReferenceEquals(c, connection)).ToArray();
        }
    }
}
