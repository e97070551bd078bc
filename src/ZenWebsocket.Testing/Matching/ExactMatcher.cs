namespace ZenWebsocket.Testing;

/// <summary>Text frames equal to a given string.</summary>
internal sealed class ExactMatcher : MessageMatcher
{
    private readonly string _text;

    public ExactMatcher(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
    }

    public override bool IsMatch(MockFrame frame) => string.Equals(TextOf(frame), _text, StringComparison.Ordinal);

    public override string ToString() => $"Exact(\"{_text}\")";
}
