using System.Text.RegularExpressions;

namespace ZenWebsocket.Testing;

/// <summary>Text frames in which a regular expression finds a match.</summary>
internal sealed class RegexMatcher : MessageMatcher
{
    private readonly Regex _regex;

    public RegexMatcher(Regex regex)
    {
        ArgumentNullException.ThrowIfNull(regex);
        _regex = regex;
    }

    public override bool IsMatch(MockFrame frame) => TextOf(frame) is { } text && _regex.IsMatch(text);

    public override string ToString() => $"Regex(/{_regex}/)";
}
