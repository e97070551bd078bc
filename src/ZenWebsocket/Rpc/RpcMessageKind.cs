namespace ZenWebsocket;

/// <summary>What an inbound message is, to the request layer.</summary>
public enum RpcMessageKind
{
    /// <summary>Not JSON, or JSON the dialect does not recognise (market data of a non-RPC venue).</summary>
    Unrelated,

    /// <summary>A successful response to a request (carries an id and a result).</summary>
    Response,

    /// <summary>An error response to a request (carries an id and an error).</summary>
    ErrorResponse,

    /// <summary>A server-initiated message with a method and no id (subscription data, heartbeats).</summary>
    Notification,
}
