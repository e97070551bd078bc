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
    public RpcInbound Classify(ReadOnlyMemory<byte> json)
    {
        var span = json.Span;
        if (span.IsEmpty || span[0] != (byte)'{')
        {
            return default;
        }

        long? id = null;
        long? code = null;
        string? msg = null;
        ReadOnlyMemory<byte> result = default;
        var hasResult = false;
        try
        {
            var reader = new Utf8JsonReader(span);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("stream"u8) || reader.ValueTextEquals("e"u8))
                {
                    // Market data: never a response; do not walk the rest of it.
                    return default;
                }

                if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    id = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number) ? number : null;
                }
                else if (reader.ValueTextEquals("result"u8))
                {
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    result = json[start..(int)reader.BytesConsumed];
                    hasResult = true;
                }
                else if (reader.ValueTextEquals("code"u8))
                {
                    reader.Read();
                    code = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : 0;
                }
                else if (reader.ValueTextEquals("msg"u8))
                {
                    reader.Read();
                    msg = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return default;
        }

        if (id is null)
        {
            return default;
        }

        if (code is { } errorCode)
        {
            return new RpcInbound(RpcMessageKind.ErrorResponse, id, null, default, new RpcError(errorCode, msg ?? "", null), null);
        }

        return hasResult ? new RpcInbound(RpcMessageKind.Response, id, null, result, null, null) : new RpcInbound(RpcMessageKind.Unrelated, id, null, default, null, null);
    }
}
