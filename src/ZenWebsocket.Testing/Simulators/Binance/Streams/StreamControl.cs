using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>
/// The live control messages of a stream connection (B.3): <c>SUBSCRIBE</c>, <c>UNSUBSCRIBE</c>,
/// <c>LIST_SUBSCRIPTIONS</c>, <c>SET_PROPERTY</c>, <c>GET_PROPERTY</c>, with the documented replies and error rows.
/// Going past <see cref="BinanceSimulatorOptions.MaxStreamsPerConnection"/> answers
/// <c>{"code":2,"msg":"Invalid request: too many streams","id":…}</c> and subscribes nothing (Binance's own reply is
/// undocumented).
/// </summary>
internal static class StreamControl
{
    public const string TooManyStreams = "Invalid request: too many streams";
    private const string BadId = "Invalid request: request ID must be an unsigned integer";
    private const string TooManyParameters = "Invalid request: too many parameters";
    private const string Methods = "`SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`";

    /// <summary>Handles one text message and returns the reply to send.</summary>
    public static string Handle(StreamHub hub, BinanceConnection connection, string text, int maxStreams)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            return Error(3, $"Invalid JSON: expected value at line {line.ToString(CultureInfo.InvariantCulture)} column {column.ToString(CultureInfo.InvariantCulture)}", "null");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Error(3, "Invalid JSON: expected value at line 1 column 1", "null");
            }

            if (!root.TryGetProperty("id", out var idElement) || !IsValidId(idElement))
            {
                return Error(2, BadId, "null");
            }

            var id = idElement.GetRawText();
            if (!root.TryGetProperty("method", out var methodElement))
            {
                return Error(2, $"Invalid request: missing field `method` at line 1 column {EndColumn(text)}", id);
            }

            var method = methodElement.ValueKind == JsonValueKind.String ? methodElement.GetString()! : methodElement.GetRawText();
            var hasParams = root.TryGetProperty("params", out var parameters) && parameters.ValueKind != JsonValueKind.Null;
            if (hasParams && parameters.ValueKind != JsonValueKind.Array)
            {
                return Error(2, "Invalid request: invalid type: expected a sequence", id);
            }

            var count = hasParams ? parameters.GetArrayLength() : 0;
            switch (method)
            {
                case "SUBSCRIBE":
                case "UNSUBSCRIBE":
                    {
                        var streams = new List<string>(count);
                        for (var i = 0; i < count; i++)
                        {
                            if (parameters[i].ValueKind != JsonValueKind.String)
                            {
                                return Error(2, "Invalid request: invalid type: expected a string", id);
                            }

                            streams.Add(parameters[i].GetString()!);
                        }

                        if (method == "UNSUBSCRIBE")
                        {
                            hub.Unsubscribe(connection, streams);
                        }
                        else if (!hub.TrySubscribe(connection, streams, maxStreams))
                        {
                            return Error(2, TooManyStreams, id);
                        }

                        return Result("null", id);
                    }

                case "LIST_SUBSCRIPTIONS":
                    if (count > 0)
                    {
                        return Error(2, TooManyParameters, id);
                    }

                    return Result(JsonSerializer.Serialize(hub.List(connection), StreamJsonContext.Default.IReadOnlyListString), id);

                case "SET_PROPERTY":
                    {
                        if (count > 2)
                        {
                            return Error(2, TooManyParameters, id);
                        }

                        if (PropertyError(parameters, count, id) is { } error)
                        {
                            return error;
                        }

                        if (count < 2 || parameters[1].ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                        {
                            return Error(1, "Invalid value type: expected Boolean", id);
                        }

                        connection.Combined = parameters[1].GetBoolean();
                        return Result("null", id);
                    }

                case "GET_PROPERTY":
                    {
                        if (count > 1)
                        {
                            return Error(2, TooManyParameters, id);
                        }

                        return PropertyError(parameters, count, id) ?? Result(connection.Combined ? "true" : "false", id);
                    }

                default:
                    return Error(2, $"Invalid request: unknown variant `{method}`, expected one of {Methods} at line 1 column {MethodColumn(text)}", id);
            }
        }
    }

    private static string? PropertyError(JsonElement parameters, int count, string id)
    {
        if (count < 1 || parameters[0].ValueKind != JsonValueKind.String)
        {
            return Error(2, "Invalid request: property name must be a string", id);
        }

        return parameters[0].GetString() == "combined" ? null : Error(0, "Unknown property", id);
    }

    /// <summary>B.3: a 64-bit signed integer, an alphanumeric string of up to 36 characters (hyphens allowed, for UUIDs), or null.</summary>
    private static bool IsValidId(JsonElement id) => id.ValueKind switch
    {
        JsonValueKind.Null => true,
        JsonValueKind.Number => id.TryGetInt64(out _),
        JsonValueKind.String => id.GetString() is { Length: > 0 and <= 36 } s && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'),
        _ => false,
    };

    private static string Result(string resultJson, string id) => "{\"result\":" + resultJson + ",\"id\":" + id + "}";

    private static string Error(int code, string message, string id) =>
        "{\"code\":" + code.ToString(CultureInfo.InvariantCulture) + ",\"msg\":" + JsonSerializer.Serialize(message, StreamJsonContext.Default.String) + ",\"id\":" + id + "}";

    /// <summary>serde reports a missing field at the end of the object.</summary>
    private static string EndColumn(string text) => Encoding.UTF8.GetByteCount(text.TrimEnd()).ToString(CultureInfo.InvariantCulture);

    /// <summary>serde reports an unknown variant at the closing quote of the method value.</summary>
    private static string MethodColumn(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("method") && reader.Read())
            {
                var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
                var quotes = reader.TokenType == JsonTokenType.String ? 2 : 0;
                return (reader.TokenStartIndex + length + quotes).ToString(CultureInfo.InvariantCulture);
            }
        }

        return EndColumn(text);
    }
}
