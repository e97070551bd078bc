using System.Text.Json;

namespace ZenWebsocket.Binance;

/// <summary>
/// The control messages of a market-stream connection (B.3): requests <c>{"method":"SUBSCRIBE","params":[...],"id":1}</c>,
/// answered by <c>{"result":null,"id":1}</c> or by an error with <c>code</c> and <c>msg</c> at the top level,
/// <c>{"code":2,"msg":"Invalid request: ...","id":1}</c> (which becomes a <see cref="ZenExchangeException"/> with that
/// code and text). Stream data (<c>{"stream":...}</c> or a bare event with <c>"e"</c>) is left alone at once.
/// </summary>
public sealed class BinanceStreamRpcDialect : IRpcDialect
{
    // The id/status envelope with the stream endpoint's top-level error; data members end the read at once.
    private static readonly IdStatusDialect Envelope = new(new IdStatusDialectOptions { TopLevelErrors = true, DataMarkers = ["stream", "e"] });

    /// <summary>Gets the shared instance.</summary>
    public static BinanceStreamRpcDialect Instance { get; } = new();

    /// <summary>Params of the form <c>["a","b"]</c>: the stream list of a SUBSCRIBE or UNSUBSCRIBE.</summary>
    /// <param name="streams">The stream names.</param>
    /// <returns>The params.</returns>
    public static RpcParams StreamList(IReadOnlyList<string> streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        return RpcParams.Create(writer =>
        {
            writer.WriteStartArray();
            foreach (var stream in streams)
            {
                writer.WriteStringValue(stream);
            }

            writer.WriteEndArray();
        });
    }

    /// <inheritdoc />
    public void WriteRequest(Utf8JsonWriter writer, long id, string method, in RpcParams parameters)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("method"u8, method);
        if (parameters.HasValue)
        {
            writer.WritePropertyName("params"u8);
            parameters.WriteTo(writer);
        }

        writer.WriteNumber("id"u8, id);
        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public RpcInbound Classify(ReadOnlyMemory<byte> json) => Envelope.Classify(json);
}
