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
    public void WriteRequest(Utf8JsonWriter writer, long id, string method, in RpcParams parameters)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
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
