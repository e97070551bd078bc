using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>
/// A Binance Spot server on 127.0.0.1 serving market streams (<c>/ws</c>, <c>/ws/&lt;stream&gt;</c>,
/// <c>/stream?streams=</c>), the WebSocket API (<c>/ws-api/v3</c>) and REST (<c>/api/v3/...</c>) on one port, with a
/// seeded market, Binance's connection mechanics (server pings, pong timeout, lifetime, <c>serverShutdown</c>,
/// inbound rate limit, connection-attempt limit) and fault switches. The WebSocket API engine lives in
/// <see cref="_api"/>; its public members are in <c>BinanceSimulator.Api.cs</c>. Dispose it to stop it.
/// </summary>
public sealed partial class BinanceSimulator : IAsyncDisposable
{
    private const string ApiPath = "/ws-api/v3";
    private const string RawPath = "/ws";
    private const string CombinedPath = "/stream";
    private const string RestPrefix = "/api/v3/";

    private readonly BinanceSimulatorOptions _options;
    private readonly ApiEngine _api;
    private readonly BinanceMarket _market;
    private readonly StreamHub _hub = new();
    private readonly HandshakeScript _handshakes = new();
    private readonly ConnectionAttemptLimiter _attempts;
    private readonly ConcurrentDictionary<long, BinanceConnection> _connections = new();
    private readonly CountSignal _acceptedStreams = new("stream connections");
    private readonly CountSignal _acceptedApi = new("API connections");
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<Task> _disposal;
    private WebApplication? _app;
    private long _nextConnectionId;
    private long _controlMessages;
    private long _rateLimitDisconnects;
    private long _pongTimeoutDisconnects;
    private volatile bool _discardPongs;

    private BinanceSimulator(BinanceSimulatorOptions options)
    {
        _options = options;
        _market = new BinanceMarket(options, _hub);
        _api = new ApiEngine(options, _market);
        _attempts = new ConnectionAttemptLimiter(options);
        _disposal = new Lazy<Task>(DisposeCoreAsync);
    }

    /// <summary>Gets the TCP port the simulator listens on.</summary>
    public int Port { get; private set; }

    /// <summary>Gets the stream base <c>ws://127.0.0.1:{Port}</c>: raw streams at <c>/ws/&lt;stream&gt;</c> (or bare <c>/ws</c>), combined at <c>/stream?streams=a/b</c>.</summary>
    public Uri StreamUrl => new($"ws://127.0.0.1:{Port}");

    /// <summary>Gets the WebSocket API endpoint <c>ws://127.0.0.1:{Port}/ws-api/v3</c>.</summary>
    public Uri ApiUrl => new($"ws://127.0.0.1:{Port}{ApiPath}");

    /// <summary>Gets the REST base <c>http://127.0.0.1:{Port}</c>; endpoints live under <c>/api/v3/...</c>.</summary>
    public Uri RestUrl => new($"http://127.0.0.1:{Port}");

    internal bool DiscardingPongs => _discardPongs;

    /// <summary>Starts a simulator.</summary>
    /// <param name="options">Settings; <see langword="null"/> means the defaults of <see cref="BinanceSimulatorOptions"/>.</param>
    /// <param name="ct">Cancels the start.</param>
    /// <returns>The running simulator.</returns>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public static async Task<BinanceSimulator> StartAsync(BinanceSimulatorOptions? options = null, CancellationToken ct = default)
    {
        options ??= new BinanceSimulatorOptions();
        options.Validate();
        var simulator = new BinanceSimulator(options);
        try
        {
            (simulator._app, simulator.Port) = await LoopbackHost.StartAsync(options.Port, simulator.HandleRequestAsync, configureListen: null, ct).ConfigureAwait(false);
            simulator._market.Start();
            return simulator;
        }
        catch
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Advances the market generator by <paramref name="steps"/> steps, as its timer would (useful with
    /// <see cref="BinanceSimulatorOptions.GenerateMarketData"/> off).</summary>
    /// <param name="steps">How many steps; at least 1. Default 1.</param>
    public void StepMarket(int steps = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        _market.Step(steps);
    }

    /// <summary>Stops the simulator: open connections are aborted. Safe to call more than once.</summary>
    /// <returns>Completes when everything has stopped.</returns>
    public ValueTask DisposeAsync() => new(_disposal.Value);

    internal void CountPongTimeout() => Interlocked.Increment(ref _pongTimeoutDisconnects);

    internal void CountRateLimitDisconnect() => Interlocked.Increment(ref _rateLimitDisconnects);

    private async Task HandleRequestAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (path == ApiPath)
        {
            await HandleWebSocketAsync(context, ConnectionRole.Api, []).ConfigureAwait(false);
        }
        else if (path == RawPath || path.StartsWith(RawPath + "/", StringComparison.Ordinal))
        {
            var streams = path.Length > RawPath.Length + 1 ? path[(RawPath.Length + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries) : [];
            await HandleWebSocketAsync(context, ConnectionRole.Stream, streams).ConfigureAwait(false);
        }
        else if (path == CombinedPath)
        {
            var streams = context.Request.Query["streams"].ToString().Split('/', StringSplitOptions.RemoveEmptyEntries);
            await HandleWebSocketAsync(context, ConnectionRole.Stream, streams, combined: true).ConfigureAwait(false);
        }
        else if (path.StartsWith(RestPrefix, StringComparison.Ordinal))
        {
            await HandleRestAsync(context, path[RestPrefix.Length..]).ConfigureAwait(false);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private async Task HandleWebSocketAsync(HttpContext context, ConnectionRole role, string[] streams, bool combined = false)
    {
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is not { IsUpgradableRequest: true } || !WebSocketHandshake.IsWebSocketUpgrade(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // B.2: 300 attempts per 5 minutes per IP, both roles; every attempt counts, refused ones too.
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!_attempts.TryAttempt(ip))
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.ContentLength = 0;
            return;
        }

        var plan = _handshakes.Next();
        if (plan.Delay > TimeSpan.Zero)
        {
            await Task.Delay(plan.Delay, _options.TimeProvider, context.RequestAborted).ConfigureAwait(false);
        }

        if (plan.Kind == HandshakeScript.PlanKind.Refuse)
        {
            context.Response.StatusCode = plan.StatusCode;
            context.Response.ContentLength = 0;
            return;
        }

        if (streams.Length > _options.MaxStreamsPerConnection)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentLength = 0;
            return;
        }

        // Upgrading by hand keeps the raw stream: pings are written raw and inbound frames are watched below the WebSocket.
        var gate = await WebSocketHandshake.AcceptAsync(context, upgrade).ConfigureAwait(false);
        if (gate is null)
        {
            return;
        }

        await using (gate.ConfigureAwait(false))
        {
            var id = Interlocked.Increment(ref _nextConnectionId);
            using var connection = new BinanceConnection(this, id, role, context, gate, _options) { Combined = combined };
            _connections[id] = connection;
            try
            {
                if (role == ConnectionRole.Api)
                {
                    await RunApiAsync(connection).ConfigureAwait(false);
                }
                else
                {
                    await RunStreamAsync(connection, streams).ConfigureAwait(false);
                }
            }
            finally
            {
                _connections.TryRemove(id, out _);
            }
        }
    }

    private async Task RunApiAsync(BinanceConnection connection)
    {
        var session = _api.Connect(connection);
        connection.StartTimers();
        _acceptedApi.Increment();
        try
        {
            await connection.RunAsync((_, text) => _api.Receive(session, text), _stopping.Token).ConfigureAwait(false);
        }
        finally
        {
            _api.Disconnect(session);
        }
    }

    private async Task RunStreamAsync(BinanceConnection connection, string[] streams)
    {
        _hub.Add(connection);
        _hub.TrySubscribe(connection, streams, _options.MaxStreamsPerConnection);
        connection.StartTimers();
        _acceptedStreams.Increment();
        try
        {
            await connection.RunAsync(OnStreamText, _stopping.Token).ConfigureAwait(false);
        }
        finally
        {
            _hub.Remove(connection);
        }
    }

    private void OnStreamText(BinanceConnection connection, string text)
    {
        Interlocked.Increment(ref _controlMessages);
        connection.TrySend(StreamControl.Handle(_hub, connection, text, _options.MaxStreamsPerConnection));
    }

    private async Task DisposeCoreAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _market.Dispose();
        foreach (var connection in _connections.Values)
        {
            connection.Abort();
        }

        await LoopbackHost.StopAsync(_app).ConfigureAwait(false);
        _api.Dispose();
        _stopping.Dispose();
    }

    private IEnumerable<BinanceConnection> Open(ConnectionRole? role = null) =>
        _connections.Values.Where(c => role is null || c.Role == role).OrderBy(c => c.Id);

    private static void CloseAll(IEnumerable<BinanceConnection> connections, WebSocketCloseStatus status, string reason)
    {
        foreach (var connection in connections)
        {
            connection.Close(status, reason);
        }
    }
}
