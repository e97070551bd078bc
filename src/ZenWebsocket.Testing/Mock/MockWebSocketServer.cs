using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ZenWebsocket.Testing;

/// <summary>
/// A real WebSocket server (Kestrel) on 127.0.0.1 with a random port, scriptable from tests: it
/// captures what clients send, answers with a handler, and can refuse, hang, delay, close, abort or
/// go silent on demand. Dispose it to stop it.
/// </summary>
public sealed partial class MockWebSocketServer : IAsyncDisposable
{

    private readonly MockServerOptions _options;
    private readonly HandshakeScript _script = new();
    private readonly CountSignal _tcpConnections = new("TCP connections");
    private readonly CountSignal _handshakes = new("WebSocket upgrade requests");
    private readonly FrameLog _received;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<Task> _disposal;
    private Func<MockConnection, MockFrame, ValueTask> _handler;
    private WebApplication? _app;

    private MockWebSocketServer(MockServerOptions options, X509Certificate2? certificate)
    {
        _options = options;
        _received = new FrameLog(options.CaptureLimit);
        _handler = options.Handler ?? DefaultHandlerAsync;
        _disposal = new Lazy<Task>(DisposeCoreAsync);
        Certificate = certificate;
    }

    /// <summary>The URL clients connect to: <c>ws://127.0.0.1:{Port}{Path}</c>, or <c>wss://</c> with TLS.</summary>
    public Uri Url => new($"{(_options.UseTls ? "wss" : "ws")}://127.0.0.1:{Port}{_options.Path}");

    /// <summary>The TCP port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The server's self-signed certificate when <see cref="MockServerOptions.UseTls"/> is set, otherwise <see langword="null"/>.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>How many TCP connections were accepted so far, whatever happened on them afterwards.</summary>
    public int TcpConnectionCount => _tcpConnections.Count;

    /// <summary>How many WebSocket upgrade requests arrived so far, whatever their fate (refused, hung, accepted).</summary>
    public int HandshakeCount => _handshakes.Count;

    /// <summary>Starts a server.</summary>
    /// <param name="options">Settings; <see langword="null"/> means the defaults of <see cref="MockServerOptions"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public static async Task<MockWebSocketServer> StartAsync(MockServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MockServerOptions();
        options.Validate();
        var server = new MockWebSocketServer(options, options.UseTls ? SelfSignedCertificate.CreateForLocalhost() : null);
        try
        {
            await server.StartCoreAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the server: open connections are aborted and hanging handshakes released. Safe to call more than once.</summary>
    /// <returns>Completes when everything has stopped.</returns>
    public ValueTask DisposeAsync() => new(_disposal.Value);

    internal TimeProvider TimeProvider => _options.TimeProvider;

    internal int CaptureLimit => _options.CaptureLimit;

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        (_app, Port) = await LoopbackHost.StartAsync(
            0,
            HandleRequestAsync,
            listen =>
            {
                // Runs once per accepted TCP connection, before TLS and HTTP: the rawest count there is.
                listen.Use(next => connection =>
                {
                    _tcpConnections.Increment();
                    return next(connection);
                });
                if (Certificate is not null)
                {
                    listen.UseHttps(new Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions
                    {
                        ServerCertificate = Certificate,
                        ClientCertificateMode = _options.RequireClientCertificate
                            ? Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode.RequireCertificate
                            : Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode.NoCertificate,

                        // A test server: any client certificate is welcome; the test inspects what arrived.
                        ClientCertificateValidation = (_, _, _) => true,
                    });
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task DisposeCoreAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var connection in Connections)
        {
            connection.Abort();
        }

        await LoopbackHost.StopAsync(_app).ConfigureAwait(false);

        _stopping.Dispose();
        Certificate?.Dispose();
    }
}
