namespace ZenWebsocket.Cli.Options;

/// <summary>The heartbeat strategies the command line can select (names as typed: none, pingpong, deribit, serverping, app).</summary>
internal enum HeartbeatKind
{
    /// <summary>No heartbeat.</summary>
    None,

    /// <summary>WebSocket PING/PONG control frames.</summary>
    PingPong,

    /// <summary>Deribit's JSON-RPC <c>public/set_heartbeat</c> and <c>test_request</c>.</summary>
    Deribit,

    /// <summary>The server pings; the client answers and watches for silence.</summary>
    ServerPing,

    /// <summary>An application-level text <c>ping</c> answered by <c>pong</c>.</summary>
    App,
}
