using System.Text.Json;

namespace ZenWebsocket;

/// <summary>JSON-RPC 2.0 (Deribit): <c>{"jsonrpc":"2.0","id":1,"method":"m","params":{...}}</c>.</summary>
public sealed class JsonRpcDialect : IRpcDialect
{
    /// <summary>Gets the shared instance.</summary>
    public static JsonRpcDialect Instance { get; } = new();

    /// <inheritdoc />
    public void WriteRequest(Utf8JsonWriter writer, long id, string method, in RpcParams parameters) =>
        RpcEnvelope.Write(writer, id, method, parameters, jsonRpcVersion: true);

    /// <inheritdoc />
    public RpcInbound Classify(ReadOnlyMemory<byte> json) => RpcEnvelope.Read(json);
}
