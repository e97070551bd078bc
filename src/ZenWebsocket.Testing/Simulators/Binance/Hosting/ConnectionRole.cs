namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>Which server a connection talks to.</summary>
internal enum ConnectionRole
{
    /// <summary>Market streams: <c>/ws</c>, <c>/ws/&lt;stream&gt;</c>, <c>/stream?streams=</c>.</summary>
    Stream,

    /// <summary>The WebSocket API: <c>/ws-api/v3</c>.</summary>
    Api,
}
