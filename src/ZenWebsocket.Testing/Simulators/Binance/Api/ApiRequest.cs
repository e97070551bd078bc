using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>One parsed WebSocket API request: the id echoed verbatim, the method without a version prefix, the params.</summary>
internal sealed partial class ApiRequest
{
    private ApiRequest(JsonNode? id, string method, Dictionary<string, JsonElement> parameters)
    {
        Id = id;
        Method = method;
        Params = parameters;
    }

    /// <summary>Gets the request id (number, string or null) to echo.</summary>
    public JsonNode? Id { get; }

    /// <summary>Gets the method, e.g. <c>order.place</c> (a <c>v3/</c> prefix removed).</summary>
    public string Method { get; }

    /// <summary>Gets the params by name.</summary>
    public Dictionary<string, JsonElement> Params { get; }

    /// <summary>Parses a text frame; a malformed one throws <see cref="ApiException"/> and gives back what id it could read.</summary>
    public static ApiRequest Parse(string text, out JsonNode? id)
    {
        id = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            throw ApiException.Bad(ApiErrors.Unknown, "Invalid JSON: malformed request.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw ApiException.Bad(ApiErrors.Unknown, "Invalid request: expected a JSON object.");
            }

            if (root.TryGetProperty("id", out var idElement))
            {
                id = idElement.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.Number or JsonValueKind.String => JsonNode.Parse(idElement.GetRawText()),
                    _ => throw ApiException.Bad(ApiErrors.Unknown, "Invalid request: 'id' must be an integer, a string or null."),
                };
            }

            if (!root.TryGetProperty("method", out var methodElement) || methodElement.ValueKind != JsonValueKind.String
                || string.IsNullOrEmpty(methodElement.GetString()))
            {
                throw ApiException.Bad(ApiErrors.Unknown, "Invalid request: missing field 'method'.");
            }

            var parameters = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (root.TryGetProperty("params", out var paramsElement) && paramsElement.ValueKind != JsonValueKind.Null)
            {
                if (paramsElement.ValueKind != JsonValueKind.Object)
                {
                    throw ApiException.Bad(ApiErrors.Unknown, "Invalid request: 'params' must be an object.");
                }

                foreach (var property in paramsElement.EnumerateObject())
                {
                    if (!parameters.TryAdd(property.Name, property.Value.Clone()))
                    {
                        throw ApiException.Bad(ApiErrors.TooManyParameters, "Duplicate values for a parameter detected.");
                    }
                }
            }

            return new ApiRequest(id, StripVersion(methodElement.GetString()!), parameters);
        }
    }

    /// <summary>Gets a param as text the way the signature payload sees it: strings raw, numbers and booleans as written.</summary>
    public static string PayloadValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    public bool Has(string name) => Params.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public string? String(string name)
    {
        if (!Params.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        return text.Length == 0 ? throw ApiException.Bad(ApiErrors.ParamEmpty, $"Parameter '{name}' was empty.") : text;
    }

    public string RequireString(string name) => String(name) ?? throw ApiException.Missing(name);

    public decimal? Decimal(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (!DecimalText().IsMatch(text) || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            throw ApiException.Bad(ApiErrors.IllegalChars, $"Illegal characters found in parameter '{name}'; legal range is '{ApiErrors.DecimalPattern}'.");
        }

        return number;
    }

    public long? Long(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw ApiException.Bad(ApiErrors.IllegalChars, $"Illegal characters found in parameter '{name}'; legal range is '^[0-9]{{1,20}}$'.");
    }

    public bool? Bool(string name)
    {
        if (!Params.TryGetValue(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => throw ApiException.Bad(ApiErrors.IllegalChars, $"Illegal characters found in parameter '{name}'; legal range is 'true, false'."),
        };
    }

    private static string StripVersion(string method)
    {
        // "v3/order.place" names the same method as "order.place".
        var slash = method.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && method[0] == 'v' ? method[(slash + 1)..] : method;
    }

    [GeneratedRegex(ApiErrors.DecimalPattern, RegexOptions.CultureInvariant)]
    private static partial Regex DecimalText();
}
