using System.Globalization;
using System.Text.Json;

namespace ZenWebsocket.Binance;

/// <summary>
/// The params of one WebSocket API request, in the order they were added, each kept with its text exactly as it goes
/// on the wire, so the signature payload and the JSON can never disagree (B.6.1).
/// </summary>
internal sealed class BinanceParams
{
    private readonly List<Entry> _entries = new(12);

    public int Count => _entries.Count;

    public IEnumerable<KeyValuePair<string, string>> AsPairs() => _entries.Select(e => new KeyValuePair<string, string>(e.Name, e.Text));

    /// <summary>A string param (sent as a JSON string).</summary>
    public BinanceParams Add(string name, string value)
    {
        _entries.Add(new Entry(name, value, EntryKind.Text));
        return this;
    }

    /// <summary>A string param, left out when <see langword="null"/>.</summary>
    public BinanceParams AddIf(string name, string? value) => value is null ? this : Add(name, value);

    /// <summary>An integer param (sent as a JSON number).</summary>
    public BinanceParams Add(string name, long value)
    {
        _entries.Add(new Entry(name, value.ToString(CultureInfo.InvariantCulture), EntryKind.Number));
        return this;
    }

    /// <summary>An integer param, left out when <see langword="null"/>.</summary>
    public BinanceParams AddIf(string name, long? value) => value is { } v ? Add(name, v) : this;

    /// <summary>A decimal param: invariant, never an exponent, trailing zeros as the caller gave them (sent as a JSON string).</summary>
    public BinanceParams Add(string name, decimal value)
    {
        _entries.Add(new Entry(name, value.ToString(CultureInfo.InvariantCulture), EntryKind.Text));
        return this;
    }

    /// <summary>A decimal param, left out when <see langword="null"/>.</summary>
    public BinanceParams AddIf(string name, decimal? value) => value is { } v ? Add(name, v) : this;

    /// <summary>A boolean param (sent as a JSON boolean, signed as <c>true</c>/<c>false</c>).</summary>
    public BinanceParams Add(string name, bool value)
    {
        _entries.Add(new Entry(name, value ? "true" : "false", EntryKind.Boolean));
        return this;
    }

    /// <summary>Writes the params object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var entry in _entries)
        {
            switch (entry.Kind)
            {
                case EntryKind.Number:
                    writer.WritePropertyName(entry.Name);
                    writer.WriteRawValue(entry.Text, skipInputValidation: true);
                    break;
                case EntryKind.Boolean:
                    writer.WriteBoolean(entry.Name, entry.Text == "true");
                    break;
                default:
                    writer.WriteString(entry.Name, entry.Text);
                    break;
            }
        }

        writer.WriteEndObject();
    }

    private enum EntryKind
    {
        Text,
        Number,
        Boolean,
    }

    private readonly record struct Entry(string Name, string Text, EntryKind Kind);
}
