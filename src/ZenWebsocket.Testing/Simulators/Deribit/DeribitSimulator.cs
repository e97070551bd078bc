using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>
/// A Deribit API v2 server on 127.0.0.1: JSON-RPC over WebSocket at <c>/ws/api/v2</c> and the same methods over HTTP
/// at <c>/api/v2/{public|private}/{method}</c>, with auth, heartbeats, subscriptions, a seeded market, a matching
/// engine, cancel-on-disconnect, the credit rate limiter and fault switches. Dispose it to stop it.
/// </summary>
public sealed partial class DeribitSimulator : IAsyncDisposable
{
    private const string WebSocketPath = "/ws/api/v2";
    private const string HttpPrefix = "/api/v2";

    private readonly DeribitSimulatorOptions _options;
    private readonly Exchange _exchange;
    private readonly HandshakeScript _handshakes = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<Task> _disposal;
    private WebApplication? _app;

    private DeribitSimulator(DeribitSimulatorOptions options)
    {
        _options = options;
        _exchange = new Exchange(options);
        _disposal = new Lazy<Task>(DisposeCoreAsync);
    }

    /// <summary>The TCP port the simulator listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The WebSocket endpoint: <c>ws://127.0.0.1:{Port}/ws/api/v2</c>.</summary>
    public Uri WebSocketUrl => new($"ws://127.0.0.1:{Port}{WebSocketPath}");

    /// <summary>The HTTP base: <c>http://127.0.0.1:{Port}/api/v2</c>; methods live at <c>{HttpUrl}/public/get_time</c> and so on.</summary>
    public Uri HttpUrl => new($"http://127.0.0.1:{Port}{HttpPrefix}");

    /// <summary>Starts a simulator.</summary>
    /// <param name="options">Settings; <see langword="null"/> means the defaults of <see cref="DeribitSimulatorOptions"/>.</param>
    /// <param name="ct">Cancels the start.</param>
    /// <returns>The running simulator.</returns>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public static async Task<DeribitSimulator> StartAsync(DeribitSimulatorOptions? options = null, CancellationToken ct = default)
    {
        options ??= new DeribitSimulatorOptions();
        options.Validate();
        var simulator = new DeribitSimulator(options);
        try
        {
            await simulator.StartCoreAsync(ct).ConfigureAwait(false);
            return simulator;
        }
        catch
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the simulator: open connections are aborted. Safe to call more than once.</summary>
    /// <returns>Completes when everything has stopped.</returns>
    public ValueTask DisposeAsync() => new(_disposal.Value);

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        (_app, Port) = await LoopbackHost.StartAsync(_options.Port, HandleRequestAsync, configureListen: null, cancellationToken).ConfigureAwait(false);
    }

    private async Task HandleRequestAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (string.Equals(path, WebSocketPath, StringComparison.Ordinal))
        {
            await HandleWebSocketAsync(context).ConfigureAwait(false);
        }
        else if (path.StartsWith(HttpPrefix, StringComparison.Ordinal))
        {
            await HandleHttpAsync(context, path[HttpPrefix.Length..].Trim('/')).ConfigureAwait(false);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private async Task HandleWebSocketAsync(HttpContext context)
    {
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is not { IsUpgradableRequest: true } || !WebSocketHandshake.IsWebSocketUpgrade(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var plan = _handshakes.Next();
        if (plan.Kind == HandshakeScript.PlanKind.Refuse)
        {
            context.Response.StatusCode = plan.StatusCode;
            context.Response.ContentLength = 0;
            return;
        }

        var ip = ClientIp(context);
        if (!_exchange.TryAcquireSlot(ip))
        {
            // A.10: past the per-IP limit the handshake is refused with 429.
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.ContentLength = 0;
            return;
        }

        try
        {
            // Upgrading by hand keeps the raw stream, which the fault switches need (silence, malformed frames).
            var stream = await WebSocketHandshake.AcceptAsync(context, upgrade).ConfigureAwait(false);
            if (stream is null)
            {
                return;
            }

            await using (stream.ConfigureAwait(false))
            {
                var session = new WebSocketSession(context, stream);
                var connection = _exchange.Connect(ip, session);
                await session.RunAsync(connection, _exchange, _stopping.Token).ConfigureAwait(false);
                _closed.Increment();
            }
        }
        finally
        {
            _exchange.ReleaseSlot(ip);
        }
    }

    private static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private async Task DisposeCoreAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var connection in _exchange.Connections())
        {
            connection.Sink?.Abort();
        }

        await LoopbackHost.StopAsync(_app).ConfigureAwait(false);

        _exchange.Dispose();
        _stopping.Dispose();
    }
}
