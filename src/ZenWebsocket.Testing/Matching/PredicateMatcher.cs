namespace ZenWebsocket.Testing;

/// <summary>Frames accepted by a caller-supplied predicate.</summary>
internal sealed class PredicateMatcher : MessageMatcher
{
    private readonly Func<MockFrame, bool> _predicate;
    private readonly string _description;

    public PredicateMatcher(Func<MockFrame, bool> predicate, string description)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        _predicate = predicate;
        _description = description;
    }

    public override bool IsMatch(MockFrame frame) => _predicate(frame);

    public override string ToString() => $"Predicate({_description})";
}
