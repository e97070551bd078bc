namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>
/// Parsed OAuth scopes (A.3): access levels per area (<c>trade</c>, <c>wallet</c>, <c>account</c>, <c>block_trade</c>),
/// the session kind and an optional <c>expires:N</c>. Levels: 0 none, 1 read, 2 read_write.
/// </summary>
internal sealed record ScopeSet(IReadOnlyDictionary<string, int> Levels, string? SessionName, int? ExpiresSeconds)
{
    private static readonly string[] Areas = ["account", "block_trade", "trade", "wallet"];

    public static ScopeSet Parse(string? text)
    {
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        string? session = null;
        int? expires = null;
        foreach (var part in (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = colon < 0 ? (part, string.Empty) : (part[..colon], part[(colon + 1)..]);
            if (Areas.Contains(name, StringComparer.Ordinal))
            {
                levels[name] = value switch
                {
                    "read_write" => 2,
                    "read" => 1,
                    "none" => 0,
                    _ => throw RpcException.Invalid("scope", $"unknown access level '{value}' for {name}"),
                };
            }
            else if (name == "session" && value.Length > 0)
            {
                session = value;
            }
            else if (name == "expires" && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            {
                expires = seconds;
            }
        }

        return new ScopeSet(levels, session, expires);
    }

    /// <summary>The grant: what was asked for, capped at what the key allows; an area not asked for gets the key's level.</summary>
    public ScopeSet CapTo(ScopeSet allowed)
    {
        var levels = Areas.ToDictionary(
            a => a,
            a => Math.Min(Levels.TryGetValue(a, out var asked) ? asked : allowed.Levels.GetValueOrDefault(a), allowed.Levels.GetValueOrDefault(a)),
            StringComparer.Ordinal);
        return this with { Levels = levels };
    }

    public bool Allows(string area, int level) => Levels.GetValueOrDefault(area) >= level;

    /// <summary>The wire form, e.g. <c>account:read_write connection mainaccount trade:read_write wallet:read</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string> { SessionName is null ? "connection" : "session:" + SessionName, "mainaccount" };
        parts.AddRange(Levels.Select(kv => kv.Key + ":" + (kv.Value switch { 2 => "read_write", 1 => "read", _ => "none" })));
        if (ExpiresSeconds is { } e)
        {
            parts.Add("expires:" + e.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        parts.Sort(StringComparer.Ordinal);
        return string.Join(' ', parts);
    }
}
