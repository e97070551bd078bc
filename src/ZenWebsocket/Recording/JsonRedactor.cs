using System.Text;
using System.Text.RegularExpressions;

namespace ZenWebsocket;

/// <summary>
/// Replaces the string values of credential-like JSON properties with <see cref="Mask"/>, keeping everything else
/// byte for byte (formatting included), so a recording can be shared. A property matches when its name, ignoring
/// case, '_' and '-', ends with one of the keys (so <c>apiKey</c> also covers <c>X-MBX-APIKEY</c> and
/// <c>token</c> covers <c>sessionToken</c>).
/// </summary>
/// <remarks>
/// A textual scan rather than a JSON parse: it also works on truncated or invalid JSON, and costs nothing when a
/// message has no matching property. It does not see secrets in non-string values, in names written with escapes,
/// inside JSON that is itself embedded in a string, or in positional arrays (e.g. a listen key in <c>params</c>).
/// </remarks>
public sealed partial class JsonRedactor
{
    /// <summary>The text that replaces a redacted value.</summary>
    public const string Mask = "[redacted]";

    private readonly string[] _normalizedKeys;

    /// <summary>Creates a redactor for <see cref="DefaultKeys"/> plus <paramref name="additionalKeys"/>.</summary>
    /// <param name="additionalKeys">More property names to redact.</param>
    public JsonRedactor(params IEnumerable<string> additionalKeys)
    {
        ArgumentNullException.ThrowIfNull(additionalKeys);
        Keys = [.. DefaultKeys.Concat(additionalKeys).Distinct(StringComparer.OrdinalIgnoreCase)];
        _normalizedKeys = [.. Keys.Select(Normalize).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Gets the names redacted by default: access, refresh and id tokens, client secrets, signatures, API
    /// keys, secrets, passwords, passphrases, private keys, listen keys and authorization values.</summary>
    public static IReadOnlyList<string> DefaultKeys { get; } =
    [
        "access_token", "refresh_token", "id_token", "token", "client_secret", "secret", "api_secret", "secret_key",
        "private_key", "signature", "apiKey", "api_key", "password", "passphrase", "listenKey", "authorization",
    ];

    /// <summary>Gets the redactor for <see cref="DefaultKeys"/>.</summary>
    public static JsonRedactor Default { get; } = new();

    /// <summary>Gets every name this redactor matches.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>Returns <paramref name="text"/> with the values of matching properties replaced.</summary>
    /// <param name="text">A message, usually JSON.</param>
    /// <returns>The redacted text; the same instance when nothing matched.</returns>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('"', StringComparison.Ordinal))
        {
            return text;
        }

        StringBuilder? result = null;
        var copied = 0;
        foreach (Match match in StringProperty().Matches(text))
        {
            if (!IsSecret(match.Groups["name"].ValueSpan))
            {
                continue;
            }

            var value = match.Groups["value"];
            result ??= new StringBuilder(text.Length);
            result.Append(text, copied, value.Index - copied).Append(Mask);
            copied = value.Index + value.Length;
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    private static string Normalize(string key)
    {
        var builder = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (c is not ('_' or '-'))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    // A quoted property name (no escapes), a colon, and a string value (escapes allowed) that may be cut short by
    // the end of the text, so a truncated message does not leak the start of a secret.
    [GeneratedRegex("""
        "(?<name>[A-Za-z0-9_\-]{1,64})"\s*:\s*"(?<value>(?:[^"\\]|\\.)*)(?:"|\\?$)
        """, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex StringProperty();

    private bool IsSecret(ReadOnlySpan<char> name)
    {
        Span<char> normalized = stackalloc char[64];
        var length = 0;
        foreach (var c in name)
        {
            if (c is not ('_' or '-'))
            {
                normalized[length++] = char.ToLowerInvariant(c);
            }
        }

        var key = normalized[..length];
        foreach (var secret in _normalizedKeys)
        {
            if (key.EndsWith(secret, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
