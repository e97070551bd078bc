using System.Text.Json;

namespace ZenWebsocket;

/// <summary>Reads JSON-RPC notifications on the receive loop: one forward pass, no DOM, large values skipped.</summary>
public static class JsonRpcNotification
{
    /// <summary>
    /// Reads <c>params.{member}</c> of a notification whose <c>method</c> is <paramref name="method"/>, e.g. the
    /// <c>channel</c> of <c>{"method":"subscription","params":{"channel":"...","data":{...}}}</c>.
    /// </summary>
    /// <param name="json">The message.</param>
    /// <param name="method">The notification method to accept.</param>
    /// <param name="member">The string member of <c>params</c> to read.</param>
    /// <param name="value">The member's value.</param>
    /// <returns>Whether the message is that notification and carries a non-empty value.</returns>
    public static bool TryReadParamsString(ReadOnlySpan<byte> json, ReadOnlySpan<byte> method, ReadOnlySpan<byte> member, out string value)
    {
        value = "";
        var reader = new Utf8JsonReader(json);
        var methodMatches = false;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                if (reader.CurrentDepth == 1 && reader.ValueTextEquals("method"u8))
                {
                    reader.Read();
                    methodMatches = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(method);
                    if (!methodMatches)
                    {
                        return false;
                    }
                }
                else if (reader.CurrentDepth == 2 && reader.ValueTextEquals(member))
                {
                    reader.Read();
                    value = reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : "";
                    if (methodMatches)
                    {
                        break;
                    }
                }
                else if (reader.CurrentDepth == 2)
                {
                    // Other params (the data) can be large: skip them whole.
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return methodMatches && value.Length > 0;
    }
}
