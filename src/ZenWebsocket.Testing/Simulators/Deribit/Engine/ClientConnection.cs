namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>
/// What the exchange knows about one client connection: a WebSocket (with a sink) or one HTTP request (without).
/// Mutated only under the exchange lock.
/// </summary>
internal sealed class ClientConnection(long id, string remoteIp, IConnectionSink? sink)
{
    public long Id { get; } = id;

    public string RemoteIp { get; } = remoteIp;

    public IConnectionSink? Sink { get; } = sink;

    public bool IsWebSocket => Sink is not null;

    /// <summary>The token <c>public/auth</c> issued on this connection; private calls without a token use it.</summary>
    public AuthToken? Auth { get; set; }

    public bool CancelOnDisconnect { get; set; }

    public HashSet<string> Channels { get; } = new(StringComparer.Ordinal);

    /// <summary>The <c>label</c> of the last <c>private/subscribe</c>, added to private notifications.</summary>
    public string? SubscriptionLabel { get; set; }

    public TimeSpan? HeartbeatInterval { get; set; }

    public ITimer? HeartbeatTimer { get; set; }

    public ITimer? TestRequestTimer { get; set; }

    /// <summary>Anything arrived since the last heartbeat tick (then a plain heartbeat suffices).</summary>
    public bool ReceivedSinceTick { get; set; }

    public bool TestRequestPending { get; set; }

    public bool Closed { get; set; }

    /// <summary>Closed by <c>private/logout</c>: cancel-on-disconnect must not fire (A.8).</summary>
    public bool LoggedOut { get; set; }

    /// <summary>Gone silent by fault injection: no timer may act on it any more.</summary>
    public bool Silent { get; set; }

    public void Send(string text) => Sink?.TrySend(text);

    public void StopHeartbeat()
    {
        HeartbeatTimer?.Dispose();
        HeartbeatTimer = null;
        TestRequestTimer?.Dispose();
        TestRequestTimer = null;
        TestRequestPending = false;
        HeartbeatInterval = null;
    }
}
