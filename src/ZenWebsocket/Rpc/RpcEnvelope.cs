using System.Text.Json;

namespace ZenWebsocket;

/// <summary>
/// The request/response envelope shared by the JSON-RPC and id/status dialects. Reading takes one
/// <see cref="Utf8JsonReader"/> pass over the top level: <c>id</c>, <c>method</c>, <c>result</c> (kept as a slice),
/// <c>error</c> (<c>code</c>, <c>message</c> or <c>msg</c>, <c>data</c>) and <c>status</c>; on request, also a
/// top-level <c>code</c>/<c>msg</c> error and members that mark data (<see cref="IdStatusDialectOptions"/>).
/// </summary>
internal static class RpcEnvelope
{
    /// <summary>Writes <c>{["jsonrpc":"2.0",]"id":..,"method":..[,"params":..]}</c>.</summary>
    public static void Write(Utf8JsonWriter writer, long id, string method, in RpcParams parameters, bool jsonRpcVersion)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (jsonRpcVersion)
        {
            writer.WriteString("jsonrpc"u8, "2.0"u8);
        }

        writer.WriteNumber("id"u8, id);
        writer.WriteString("method"u8, method);
        if (parameters.HasValue)
        {
            writer.WritePropertyName("params"u8);
            parameters.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    /// <summary>Classifies one message.</summary>
    /// <param name="json">The message.</param>
    /// <param name="topLevelErrors">Whether a top-level <c>code</c>/<c>msg</c> is an error (when no <c>error</c> member is).</param>
    /// <param name="dataMarkers">UTF-8 member names that make the message unrelated at once; null for none.</param>
    public static RpcInbound Read(ReadOnlyMemory<byte> json, bool topLevelErrors = false, byte[][]? dataMarkers = null)
    {
        var span = json.Span;
        if (span.IsEmpty || span[0] != (byte)'{')
        {
            return default;
        }

        long? id = null;
        string? method = null;
        ReadOnlyMemory<byte> result = default;
        RpcError? error = null;
        int? status = null;
        long? topLevelCode = null;
        string? topLevelMessage = null;
        var hasResult = false;
        try
        {
            var reader = new Utf8JsonReader(span);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (dataMarkers is not null && IsAnyOf(ref reader, dataMarkers))
                {
                    // Data, never a response: do not walk the rest of it.
                    return default;
                }

                if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    id = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number) ? number : null;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("method"u8))
                {
                    reader.Read();
                    method = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("result"u8))
                {
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    result = json[start..(int)reader.BytesConsumed];
                    hasResult = true;
                }
                else if (reader.ValueTextEquals("error"u8))
                {
                    reader.Read();
                    error = ReadError(ref reader, json);
                }
                else if (reader.ValueTextEquals("status"u8))
                {
                    reader.Read();
                    status = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var code) ? code : null;
                    reader.Skip();
                }
                else if (topLevelErrors && reader.ValueTextEquals("code"u8))
                {
                    reader.Read();
                    topLevelCode = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : 0;
                    reader.Skip();
                }
                else if (topLevelErrors && reader.ValueTextEquals("msg"u8))
                {
                    reader.Read();
                    topLevelMessage = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    reader.Skip();
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

        if (error is null && topLevelCode is { } errorCode)
        {
            error = new RpcError(errorCode, topLevelMessage ?? "", null);
        }

        if (error is not null && id is not null)
        {
            return new RpcInbound(RpcMessageKind.ErrorResponse, id, method, default, error with { Status = status }, status);
        }

        if (hasResult && id is not null)
        {
            return new RpcInbound(RpcMessageKind.Response, id, method, result, null, status);
        }

        return method is not null && id is null
            ? new RpcInbound(RpcMessageKind.Notification, null, method, default, null, status)
            : new RpcInbound(RpcMessageKind.Unrelated, id, method, default, error, status);
    }

    private static bool IsAnyOf(ref Utf8JsonReader reader, byte[][] names)
    {
        foreach (var name in names)
        {
            if (reader.ValueTextEquals(name))
            {
                return true;
            }
        }

        return false;
    }

    private static RpcError? ReadError(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            return new RpcError(0, System.Text.Encoding.UTF8.GetString(json.Span[start..(int)reader.BytesConsumed]), null);
        }

        long code = 0;
        string message = "";
        string? data = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("code"u8))
            {
                reader.Read();
                code = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : 0;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("message"u8) || reader.ValueTextEquals("msg"u8))
            {
                reader.Read();
                message = reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : message;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                data = System.Text.Encoding.UTF8.GetString(json.Span[start..(int)reader.BytesConsumed]);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new RpcError(code, message, data);
    }
}
