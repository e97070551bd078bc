using System.Globalization;
using System.Text.Json;

namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>
/// Typed access to a request's named params. Over HTTP GET every value arrives as a string, so numbers and booleans
/// are read from either JSON form; a wrong type is -32602 naming the param, a missing required one -32000.
/// </summary>
internal sealed class RpcParams(JsonElement root)
{
    public static RpcParams Empty { get; } = new(JsonDocument.Parse("{}").RootElement);

    public bool Has(string name) => root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public string? String(string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw RpcException.Invalid(name, "must be a string"),
        };
    }

    public string RequireString(string name) => String(name) ?? throw RpcException.Missing(name);

    public decimal? Decimal(string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String
            && decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        throw RpcException.Invalid(name, "must be a number");
    }

    public decimal RequireDecimal(string name) => Decimal(name) ?? throw RpcException.Missing(name);

    public long? Long(string name)
    {
        var number = Decimal(name);
        if (number is null)
        {
            return null;
        }

        return number.Value == decimal.Truncate(number.Value) && number.Value is >= long.MinValue and <= long.MaxValue
            ? (long)number.Value
            : throw RpcException.Invalid(name, "must be an integer");
    }

    public bool? Bool(string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when string.Equals(value.GetString(), "true", StringComparison.OrdinalIgnoreCase) => true,
            JsonValueKind.String when string.Equals(value.GetString(), "false", StringComparison.OrdinalIgnoreCase) => false,
            _ => throw RpcException.Invalid(name, "must be a boolean"),
        };
    }

    public IReadOnlyList<string> RequireStrings(string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw RpcException.Missing(name);
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            throw RpcException.Invalid(name, "must be an array of strings");
        }

        return value.EnumerateArray().Select(v => v.GetString()!).ToArray();
    }

    /// <summary>Checks a string param against its allowed values; returns <paramref name="fallback"/> when absent.</summary>
    public string OneOf(string name, string fallback, params string[] allowed)
    {
        var value = String(name);
        if (value is null)
        {
            return fallback;
        }

        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw RpcException.Invalid(name, "must be one of the following: " + string.Join(", ", allowed));
    }
}
