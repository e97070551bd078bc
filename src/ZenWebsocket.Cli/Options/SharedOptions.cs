using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ZenWebsocket.Cli.Options;

/// <summary>The options every venue command shares (<c>--duration</c>, <c>--count</c>, <c>--url</c>, <c>--testnet</c>,
/// positive decimals), built and checked one way for all of them.</summary>
internal static class SharedOptions
{
    /// <summary><c>--duration/-d SECONDS</c>: stream this long, then stop.</summary>
    public static Option<double?> Duration() => new("--duration", "-d")
    {
        Description = "Stream this many seconds, then stop. Default: until Ctrl+C or --count.",
        HelpName = "SECONDS",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (CliParsing.TryParseSeconds(text, "--duration", out var seconds, out var error))
            {
                return seconds;
            }

            result.AddError(error);
            return null;
        },
    };

    /// <summary><c>--count/-n N</c>: stop after this many update lines.</summary>
    public static Option<int?> Count() => new("--count", "-n")
    {
        Description = "Stop after this many update lines.",
        HelpName = "N",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                return n;
            }

            result.AddError($"--count must be a positive whole number, got '{text}'.");
            return null;
        },
    };

    /// <summary>A positive decimal option (invariant culture).</summary>
    public static Option<decimal?> PositiveDecimal(string name, string alias, string description, string helpName) => new(name, alias)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (TryParsePositiveDecimal(text, name, out var value, out var error))
            {
                return value;
            }

            result.AddError(error!);
            return null;
        },
    };

    /// <summary>Adds <c>--url/-u URL</c> and <c>--testnet</c> to <paramref name="command"/>, refusing the two together.</summary>
    /// <param name="command">The command that takes an endpoint.</param>
    /// <param name="urlDescription">What the URL is and its production default.</param>
    /// <param name="testnetDescription">Which testnet endpoint <c>--testnet</c> picks.</param>
    public static (Option<Uri?> Url, Option<bool> Testnet) AddEndpoint(Command command, string urlDescription, string testnetDescription)
    {
        var url = new Option<Uri?>("--url", "-u")
        {
            Description = urlDescription,
            HelpName = "URL",
            CustomParser = ParseUrl,
        };
        var testnet = new Option<bool>("--testnet") { Description = testnetDescription };
        command.Options.Add(url);
        command.Options.Add(testnet);
        command.Validators.Add(result =>
        {
            if (result.GetResult(url) is not null && result.GetValue(testnet))
            {
                result.AddError("--url and --testnet do not go together: pick one endpoint.");
            }
        });
        return (url, testnet);
    }

    /// <summary>Parses a ws:// or wss:// URL argument or option, reporting a bad one as a parse error.</summary>
    /// <param name="result">The token to parse.</param>
    /// <returns>The URL, or <see langword="null"/> after adding the error.</returns>
    public static Uri? ParseUrl(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (CliParsing.TryParseUrl(text, out var parsed, out var error))
        {
            return parsed;
        }

        result.AddError(error);
        return null;
    }

    /// <summary>Parses a positive decimal (invariant culture) for <paramref name="optionName"/>.</summary>
    public static bool TryParsePositiveDecimal(string text, string optionName, out decimal value, out string? error)
    {
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && value > 0)
        {
            error = null;
            return true;
        }

        error = $"{optionName} must be a positive number such as 10 or 0.5, got '{text}'.";
        return false;
    }

    /// <summary>Formats a decimal for output (invariant culture, '-' when absent).</summary>
    public static string Number(decimal? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "-";
}
