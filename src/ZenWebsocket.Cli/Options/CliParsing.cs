using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ZenWebsocket.Cli.Options;

/// <summary>
/// Turns command-line text into typed values. Each method returns a one-line error message instead of throwing, so a
/// bad input becomes one clear line and exit code 2, never a stack trace.
/// </summary>
internal static class CliParsing
{
    /// <summary>The heartbeat names accepted by <c>--heartbeat</c>, in help order.</summary>
    public const string HeartbeatNames = "none|pingpong|deribit|serverping|app";

    /// <summary>Parses an absolute <c>ws://</c> or <c>wss://</c> URL with a host.</summary>
    public static bool TryParseUrl(string text, [NotNullWhen(true)] out Uri? url, [NotNullWhen(false)] out string? error)
    {
        url = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || string.IsNullOrEmpty(parsed.Host))
        {
            error = $"'{text}' is not an absolute URL; expected ws://host[:port]/path or wss://host[:port]/path.";
            return false;
        }

        if (parsed.Scheme is not ("ws" or "wss"))
        {
            var hint = parsed.Scheme is "http" or "https" ? $" (did you mean {(parsed.Scheme == "https" ? "wss" : "ws")}://?)" : string.Empty;
            error = $"'{text}' has scheme '{parsed.Scheme}'; only ws:// and wss:// are supported{hint}.";
            return false;
        }

        url = parsed;
        error = null;
        return true;
    }

    /// <summary>Parses a heartbeat name, ignoring case.</summary>
    public static bool TryParseHeartbeat(string text, out HeartbeatKind kind, [NotNullWhen(false)] out string? error)
    {
        kind = text.ToUpperInvariant() switch
        {
            "NONE" or "OFF" or "DISABLED" => HeartbeatKind.None,
            "PINGPONG" => HeartbeatKind.PingPong,
            "DERIBIT" => HeartbeatKind.Deribit,
            "SERVERPING" => HeartbeatKind.ServerPing,
            "APP" or "APPLICATION" => HeartbeatKind.App,
            _ => (HeartbeatKind)(-1),
        };
        if (!Enum.IsDefined(kind))
        {
            kind = HeartbeatKind.None;
            error = $"Unknown heartbeat '{text}'; expected one of {HeartbeatNames}.";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Parses one <c>NAME=VALUE</c> header; the value may be empty, the name may not.</summary>
    public static bool TryParseHeader(string text, out KeyValuePair<string, string> header, [NotNullWhen(false)] out string? error)
    {
        header = default;
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            error = $"Header '{text}' must be NAME=VALUE (for example --header Authorization=\"Bearer abc\").";
            return false;
        }

        var name = text[..equals].Trim();
        if (name.Length == 0 || name.Any(c => c <= ' ' || c >= 127 || c == ':'))
        {
            error = $"Header '{text}' has an invalid name '{name}'; a header name is letters, digits and -.";
            return false;
        }

        header = new KeyValuePair<string, string>(name, text[(equals + 1)..]);
        error = null;
        return true;
    }

    /// <summary>Parses every <c>NAME=VALUE</c> header; a repeated name keeps the last value.</summary>
    public static bool TryParseHeaders(IEnumerable<string> texts, out IReadOnlyDictionary<string, string> headers, [NotNullWhen(false)] out string? error)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        headers = result;
        foreach (var text in texts)
        {
            if (!TryParseHeader(text, out var header, out error))
            {
                return false;
            }

            result[header.Key] = header.Value;
        }

        error = null;
        return true;
    }

    /// <summary>Parses a number of seconds given to <paramref name="optionName"/> (invariant culture, decimals allowed).</summary>
    public static bool TryParseSeconds(string text, string optionName, out double seconds, [NotNullWhen(false)] out string? error)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
        {
            error = $"{optionName} must be a number of seconds (was '{text}').";
            return false;
        }

        return TryGetSeconds(seconds, optionName, out _, out error);
    }

    /// <summary>Checks a number of seconds given to <paramref name="optionName"/>: finite and greater than zero.</summary>
    public static bool TryGetSeconds(double seconds, string optionName, out TimeSpan value, [NotNullWhen(false)] out string? error)
    {
        value = TimeSpan.Zero;
        if (!double.IsFinite(seconds) || seconds <= 0 || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            error = $"{optionName} must be a positive number of seconds (was {seconds.ToString(CultureInfo.InvariantCulture)}).";
            return false;
        }

        value = TimeSpan.FromSeconds(seconds);
        error = null;
        return true;
    }

    /// <summary>
    /// The message of an option rejected by the library, without the runtime's "(Parameter ...)" and
    /// "Actual value was" suffixes, which the library's own message already covers.
    /// </summary>
    public static string Describe(ArgumentException exception)
    {
        var message = exception.Message;
        var cut = exception.ParamName is { } name ? message.IndexOf($" (Parameter '{name}')", StringComparison.Ordinal) : -1;
        if (cut >= 0)
        {
            message = message[..cut];
        }

        if (exception is ArgumentOutOfRangeException { ActualValue: { } actual })
        {
            message += string.Create(CultureInfo.InvariantCulture, $" (was {actual})");
        }

        return message;
    }
}
