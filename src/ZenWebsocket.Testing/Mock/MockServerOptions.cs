namespace ZenWebsocket.Testing;

/// <summary>Settings for <see cref="MockWebSocketServer.StartAsync"/>. Validated once, when the server starts.</summary>
public sealed record MockServerOptions
{
    /// <summary>
    /// Serve <c>wss://</c> with a freshly generated self-signed certificate for <c>localhost</c> and
    /// <c>127.0.0.1</c> (see <see cref="MockWebSocketServer.Certificate"/>). Default <see langword="false"/>.
    /// </summary>
    public bool UseTls { get; init; }

    /// <summary>Gets whether, with <see cref="UseTls"/>, the server asks for a client certificate and refuses the TLS
    /// handshake without one (any certificate is accepted; it is captured on <see cref="MockConnection.ClientCertificate"/>).</summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool RequireClientCertificate { get; init; }

    /// <summary>The request path WebSocket upgrades are accepted on; must start with '/'. Default <c>"/ws"</c>.</summary>
    public string Path { get; init; } = "/ws";

    /// <summary>
    /// Runs for every complete data message, in order per connection. Default <see langword="null"/>:
    /// text <c>"ping"</c> is answered with text <c>"pong"</c> and every other message is echoed unchanged.
    /// Exceptions thrown by the handler are swallowed so a broken script does not kill the server.
    /// </summary>
    public Func<MockConnection, MockFrame, ValueTask>? Handler { get; init; }

    /// <summary>
    /// Subprotocols the server supports. The first one the client offers that is in this list is selected.
    /// Default empty (no subprotocol is ever selected).
    /// </summary>
    public IReadOnlyList<string> Subprotocols { get; init; } = [];

    /// <summary>
    /// How many received frames are kept, per server and per connection; the oldest are dropped first.
    /// Must be at least 1. Default 10 000.
    /// </summary>
    public int CaptureLimit { get; init; } = 10_000;

    /// <summary>
    /// The clock for <see cref="MockWebSocketServer.DelayHandshakes"/> and <see cref="MockFrame.ReceivedAt"/>.
    /// Test waits (the <c>WaitFor...</c> and <c>Expect...</c> methods) always use real time.
    /// Default <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        if (string.IsNullOrEmpty(Path) || Path[0] != '/')
        {
            throw new ArgumentException($"MockServerOptions.Path must start with '/' (was '{Path}').", nameof(Path));
        }

        if (Subprotocols is null || Subprotocols.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("MockServerOptions.Subprotocols must be a list of non-empty names.", nameof(Subprotocols));
        }

        if (RequireClientCertificate && !UseTls)
        {
            throw new ArgumentException("MockServerOptions.RequireClientCertificate needs UseTls: client certificates only exist in TLS.", nameof(RequireClientCertificate));
        }

        if (CaptureLimit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(CaptureLimit), CaptureLimit, "MockServerOptions.CaptureLimit must be at least 1.");
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException("MockServerOptions.TimeProvider must not be null.", nameof(TimeProvider));
        }
    }
}
