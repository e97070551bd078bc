using System.Net.WebSockets;

namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>One accepted <c>/ws-api/v3</c> connection as the API engine sees it; the host owns pings, lifetime and
/// the socket.</summary>
internal interface IApiConnection
{
    /// <summary>Gets the client's IP (rate-limit scope).</summary>
    string Ip { get; }

    /// <summary>Gets the query parameters of the handshake URL (e.g. <c>returnRateLimits=false</c>, <c>timeUnit</c>).</summary>
    IReadOnlyDictionary<string, string> Query { get; }

    /// <summary>Queues one text frame; returns <see langword="false"/> when the connection is gone.</summary>
    /// <param name="json">The message.</param>
    /// <returns>Whether it was queued.</returns>
    bool TrySend(string json);

    /// <summary>Sends a close frame after what is queued, then ends the connection.</summary>
    /// <param name="status">Close status.</param>
    /// <param name="reason">Close reason.</param>
    void Close(WebSocketCloseStatus status, string reason);

    /// <summary>Cuts the TCP connection at once: no close frame, frames still queued are lost.</summary>
    void Abort();
}
