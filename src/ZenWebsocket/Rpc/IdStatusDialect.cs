using System.Text.Json;

namespace ZenWebsocket;

/// <summary>
/// Plain JSON requests with an id (Binance WebSocket API and stream control):
/// <c>{"id":1,"method":"m","params":...}</c>, answered by <c>{"id":1,"status":200,"result":...}</c> or
/// <c>{"id":1,"status":400,"error":{"code":-1102,"msg":"..."}}</c> (the status is optional).
/// </summary>
public sealed class IdStatusDialect : IRpcDialect
{
    /// <summary>Gets the shared instance.</summary>
    public static IdStatusDialect Instance { get; } = new();

    /// <inheritdoc />
    public void WriteRequest(Utf8JsonWriter writer, long id, string method, in RpcParams parameters) =>
        RpcEnvelope.Write(writer, id, method, parameters, jsonRpcVersion: false);

    /// <inheritdoc />
    public RpcInbound Classify(ReadOnlyMemory<byte> json) => RpcEnvelope.Read(json);
}
