using System.Text.Json;

namespace ZenWebsocket;

/// <summary>JSON-RPC 2.0 (Deribit): <c>{"jsonrpc":"2.0","id":1,"method":"m","params":{...}}</c>.</summary>
public sealed class JsonRpcDialect : IRpcDialect
{
    /// <summary>Gets the shared instance.</summary>
    public static JsonRpcDialect Instance { get; } = new();

    /// <inheritdoc />
    public void WriteRequest(Utf8JsonWriter writer, long id, string method, in RpcParams parameters)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("jsonrpc"u8, "2.0"u8);
        writer.WriteNumber("id"u8, id);
        writer.WriteString("method"u8, method);
        if (parameters.HasValue)
        {
            writer.WritePropertyName("params"u8);
            parameters.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public RpcInbound Classify(ReadOnlyMemory<byte> json) => RpcEnvelopeReader.Read(json);
}
