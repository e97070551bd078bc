namespace ZenWebsocket;

/// <summary>A successful response, with its raw result.</summary>
/// <param name="Id">The request id.</param>
/// <param name="Result">The raw JSON of <c>result</c>.</param>
/// <param name="ConnectionId">The connection it came back on.</param>
/// <param name="RoundTrip">From the write to the response.</param>
public readonly record struct RpcResponse(long Id, ReadOnlyMemory<byte> Result, long ConnectionId, TimeSpan RoundTrip);
