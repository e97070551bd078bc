namespace ZenWebsocket;

/// <summary>Header checks shared by static headers and the per-attempt provider.</summary>
internal static class HeaderRules
{
    private static readonly HashSet<string> s_reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Upgrade", "Connection", "Sec-WebSocket-Key", "Sec-WebSocket-Version", "Sec-WebSocket-Accept", "Sec-WebSocket-Protocol",
    };

    public static void Validate(string name, string value, string optionName)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Any(c => c <= ' ' || c >= 127 || c == ':'))
        {
            throw new ArgumentException($"{optionName} contains an invalid header name '{name}'.", optionName);
        }

        if (s_reserved.Contains(name))
        {
            throw new ArgumentException($"{optionName} must not set '{name}': the WebSocket handshake owns it (use Subprotocols for Sec-WebSocket-Protocol).", optionName);
        }

        if (value is null || value.Contains('\r', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{optionName} has a null value or a line break in header '{name}'.", optionName);
        }
    }
}
