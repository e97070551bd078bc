namespace ZenWebsocket;

/// <summary>An inbound message as the request layer sees it, read in one pass. Slices point into the message.</summary>
/// <param name="Kind">Response, error response, notification or unrelated.</param>
/// <param name="Id">The numeric id, when there is one.</param>
/// <param name="Method">The method of a notification.</param>
/// <param name="Result">The raw JSON of <c>result</c> (empty when absent).</param>
/// <param name="Error">The error of an error response.</param>
/// <param name="Status">The HTTP-like status some dialects carry (Binance WebSocket API).</param>
public readonly record struct RpcInbound(
    RpcMessageKind Kind,
    long? Id,
    string? Method,
    ReadOnlyMemory<byte> Result,
    RpcError? Error,
    int? Status);
