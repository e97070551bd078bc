using System.Text.Json;

namespace ZenWebsocket.Testing;

/// <summary>Text frames whose JSON contains the expected JSON as a recursive subset.</summary>
internal sealed class JsonSubsetMatcher : MessageMatcher
{
    private readonly JsonElement _expected;
    private readonly string _json;

    public JsonSubsetMatcher(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            _expected = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"JsonSubset needs valid JSON: {ex.Message}", nameof(json), ex);
        }

        _json = json;
    }

    public override bool IsMatch(MockFrame frame)
    {
        if (TextOf(frame) is not { } text)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return IsSubset(_expected, document.RootElement);
        }
        catch (JsonException)
        {
            // Not JSON at all: by definition it cannot contain the expected subset.
            return false;
        }
    }

    public override string ToString() => $"JsonSubset({_json})";

    private static bool IsSubset(JsonElement expected, JsonElement actual)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                if (actual.ValueKind != JsonValueKind.Object)
                {
                    return false;
                }

                foreach (var property in expected.EnumerateObject())
                {
                    if (!actual.TryGetProperty(property.Name, out var value) || !IsSubset(property.Value, value))
                    {
                        return false;
                    }
                }

                return true;

            case JsonValueKind.Array:
                if (actual.ValueKind != JsonValueKind.Array || actual.GetArrayLength() != expected.GetArrayLength())
                {
                    return false;
                }

                return expected.EnumerateArray().Zip(actual.EnumerateArray()).All(pair => IsSubset(pair.First, pair.Second));

            case JsonValueKind.Number:
                return actual.ValueKind == JsonValueKind.Number && NumbersEqual(expected, actual);

            case JsonValueKind.String:
                return actual.ValueKind == JsonValueKind.String
                    && string.Equals(expected.GetString(), actual.GetString(), StringComparison.Ordinal);

            default:
                // true, false and null: the kind is the value.
                return expected.ValueKind == actual.ValueKind;
        }
    }

    // 1, 1.0 and 1e0 are the same number; decimal keeps exactness where it can, double covers the rest.
    private static bool NumbersEqual(JsonElement expected, JsonElement actual)
    {
        if (expected.TryGetDecimal(out var left) && actual.TryGetDecimal(out var right))
        {
            return left == right;
        }

        return expected.GetDouble().Equals(actual.GetDouble());
    }
}
