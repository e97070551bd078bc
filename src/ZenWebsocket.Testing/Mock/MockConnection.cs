using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace ZenWebsocket.Testing;

/// <summary>
/// One accepted WebSocket connection on a <see cref="MockWebSocketServer"/>: what the client asked for,
/// what it sent, and the levers to make the server side misbehave.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Reliability",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "The only disposable field is a SemaphoreSlim whose wait handle is never created; the server owns the connection's lifetime.")]
public sealed partial class MockConnection
{
    private readonly HttpContext _context;
    private readonly GatedDuplexStream _stream;
    private readonly WebSocket _socket;
    private readonly MockWebSocketServer _server;
    private readonly FrameLog _received;
    private readonly Lock _lifetimeLock = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private bool _ended;

    internal MockConnection(int id, HttpContext context, GatedDuplexStream stream, WebSocket socket, string? subprotocol, MockWebSocketServer server)
    {
        Id = id;
        _context = context;
        _stream = stream;
        _socket = socket;
        _server = server;
        _received = new FrameLog(server.CaptureLimit);
        Subprotocol = subprotocol;
        Path = context.Request.Path.Value ?? string.Empty;
        QueryString = context.Request.QueryString.Value ?? string.Empty;
        RequestHeaders = WebSocketHandshake.CaptureHeaders(context.Request);
        ClientCertificate = context.Connection.ClientCertificate;
    }

    /// <summary>Gets the certificate the client presented during TLS, if any.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? ClientCertificate { get; }

    /// <summary>The 1-based order in which the server accepted this connection.</summary>
    public int Id { get; }

    /// <summary>The request path of the upgrade request, e.g. <c>/ws</c>.</summary>
    public string Path { get; }

    /// <summary>The query string of the upgrade request including its leading '?', or empty.</summary>
    public string QueryString { get; }

    /// <summary>The upgrade request's headers (case-insensitive names; repeated headers joined with ", ").</summary>
    public IReadOnlyDictionary<string, string> RequestHeaders { get; }

    /// <summary>The negotiated subprotocol, or <see langword="null"/> when none was selected.</summary>
    public string? Subprotocol { get; }

    /// <summary>Data messages received on this connection, oldest first (bounded by <see cref="MockServerOptions.CaptureLimit"/>).</summary>
    public IReadOnlyList<MockFrame> Received => _received.Snapshot();

    /// <summary>Completes when the connection has ended in any way (close handshake, abort, client gone, server stopped).</summary>
    public Task Closed => _closed.Task;

    /// <summary>The status code of the close frame the client sent, or <see langword="null"/> if none arrived.</summary>
    public WebSocketCloseStatus? ClientCloseStatus { get; private set; }

    /// <summary>The reason text of the close frame the client sent, or <see langword="null"/>.</summary>
    public string? ClientCloseDescription { get; private set; }

    /// <summary>Drops the TCP connection at once, without a close frame.</summary>
    public void Abort()
    {
        lock (_lifetimeLock)
        {
            // Once the receive loop has ended the request is finishing and its context may be recycled:
            // there is nothing left to abort, and touching the context would throw.
            if (_ended)
            {
                return;
            }

            // The HTTP context owns the transport: aborting it drops TCP; aborting the socket ends the receive loop.
            _context.Abort();
            _socket.Abort();
        }
    }

    /// <summary>
    /// Makes the link half-open: the server stops reading (so no pongs and no close replies go out) and
    /// stops sending anything (later sends and injects are silently dropped), while TCP stays open.
    /// There is no way back; the client has to notice on its own.
    /// </summary>
    public void GoSilent()
    {
        _stream.PauseReads();
        _stream.MuteWrites();
    }

    /// <summary>
    /// Stops reading from the client, so pings are no longer answered (and client messages are dropped),
    /// while sends and injects still reach the client. There is no way back.
    /// </summary>
    public void StopAnsweringPings() => _stream.PauseReads();

    /// <summary>
    /// Returns the first received message on this connection that matches, looking at already received
    /// messages first, then waiting (on real time) for new ones. Messages are not consumed.
    /// </summary>
    /// <param name="matcher">What to look for; a string means <see cref="MessageMatcher.Exact"/>.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The matching frame.</returns>
    /// <exception cref="TimeoutException">Nothing matched in time; the message lists the last frames seen.</exception>
    public Task<MockFrame> ExpectMessageAsync(MessageMatcher matcher, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _received.ExpectAsync(matcher, timeout, cancellationToken);

    /// <summary>Describes the connection, e.g. <c>Connection #2 /ws?x=1</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"Connection #{Id} {Path}{QueryString}";
}
