using System.Net.WebSockets;

namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>Where the exchange sends a WebSocket connection's messages; implementations never block.</summary>
internal interface IConnectionSink
{
    /// <summary>Queues one text message; false when the connection is gone or too slow (it is then aborted).</summary>
    bool TrySend(string text);

    /// <summary>Sends what is queued, then a close frame.</summary>
    void Close(WebSocketCloseStatus status, string reason);

    /// <summary>Drops the TCP connection without a close frame.</summary>
    void Abort();
}
