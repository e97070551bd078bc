using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ZenWebsocket;

/// <summary>The <c>params</c> of a request: written straight into the request JSON, never through a DOM.</summary>
public readonly struct RpcParams
{
    private readonly Action<Utf8JsonWriter>? _write;

    private RpcParams(Action<Utf8JsonWriter> write)
    {
        _write = write;
    }

    /// <summary>Gets params that are absent (no <c>params</c> member is written).</summary>
    public static RpcParams None => default;

    /// <summary>Gets whether any params will be written.</summary>
    public bool HasValue => _write is not null;

    /// <summary>Params serialized from a value with source-generated metadata (trim- and AOT-safe).</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">Its metadata.</param>
    /// <returns>The params.</returns>
    public static RpcParams From<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return new RpcParams(writer => JsonSerializer.Serialize(writer, value, typeInfo));
    }

    /// <summary>Params given as JSON text (an object or an array), validated now.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The params.</returns>
    /// <exception cref="ArgumentException">The text is not a JSON object or array.</exception>
    public static RpcParams FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                throw new ArgumentException("Request params must be a JSON object or array.", nameof(json));
            }
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("Request params are not valid JSON: " + ex.Message, nameof(json), ex);
        }

        return new RpcParams(writer => writer.WriteRawValue(json, skipInputValidation: true));
    }

    /// <summary>Params written by your own code.</summary>
    /// <param name="write">Writes exactly one JSON value.</param>
    /// <returns>The params.</returns>
    public static RpcParams Create(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return new RpcParams(write);
    }

    /// <summary>Params of the form <c>{"name":["a","b"]}</c> (a channel or stream list).</summary>
    /// <param name="name">The member name.</param>
    /// <param name="values">The strings.</param>
    /// <returns>The params.</returns>
    public static RpcParams StringArray(string name, IReadOnlyList<string> values)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(values);
        return new RpcParams(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray(name);
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>Params serialized by reflection.</summary>
    /// <param name="value">The value (an anonymous object works).</param>
    /// <param name="options">Serializer options.</param>
    /// <returns>The params.</returns>
    [RequiresUnreferencedCode("Reflection-based JSON; use From with a JsonTypeInfo for trimming and AOT.")]
    [RequiresDynamicCode("Reflection-based JSON; use From with a JsonTypeInfo for trimming and AOT.")]
    public static RpcParams FromObject(object? value, JsonSerializerOptions? options = null) =>
        value is null ? None : new RpcParams(writer => JsonSerializer.Serialize(writer, value, value.GetType(), options));

    /// <summary>Writes the params value.</summary>
    /// <param name="writer">The writer, positioned where the value goes.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_write is null)
        {
            writer.WriteNullValue();
            return;
        }

        _write(writer);
    }
}
