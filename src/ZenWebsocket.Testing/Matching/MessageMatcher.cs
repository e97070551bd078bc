using System.Net.WebSockets;

namespace ZenWebsocket.Testing;

/// <summary>
/// Decides whether a received <see cref="MockFrame"/> is the one a test expects. Build one with the
/// static factories, or pass a string (an implicit <see cref="Exact"/>).
/// </summary>
public abstract class MessageMatcher
{
    /// <summary>Matches a text message whose content equals <paramref name="text"/> (ordinal).</summary>
    /// <param name="text">The exact text expected.</param>
    /// <returns>The matcher.</returns>
    public static MessageMatcher Exact(string text) => new ExactMatcher(text);

    /// <summary>Matches a text message in which <paramref name="pattern"/> finds a match.</summary>
    /// <param name="pattern">A .NET regular expression (unanchored unless you anchor it).</param>
    /// <returns>The matcher.</returns>
    public static MessageMatcher Regex(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new RegexMatcher(new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    /// <summary>Matches a text message in which <paramref name="regex"/> finds a match.</summary>
    /// <param name="regex">The regular expression.</param>
    /// <returns>The matcher.</returns>
    public static MessageMatcher Regex(System.Text.RegularExpressions.Regex regex) => new RegexMatcher(regex);

    /// <summary>
    /// Matches a text message that parses as JSON and contains every property of <paramref name="json"/>
    /// with an equal value, recursively: extra properties are ignored, arrays must have the same length
    /// and match element by element (each element by subset), numbers compare by value.
    /// Non-JSON messages never match.
    /// </summary>
    /// <param name="json">The expected JSON subset, usually an object such as <c>{"method":"public/subscribe"}</c>.</param>
    /// <returns>The matcher.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not valid JSON.</exception>
    public static MessageMatcher JsonSubset(string json) => new JsonSubsetMatcher(json);

    /// <summary>Matches any frame (text or binary) for which <paramref name="predicate"/> returns true.</summary>
    /// <param name="predicate">The test; an exception counts as no match.</param>
    /// <param name="description">Shown in timeout messages, e.g. "a binary frame of 3 bytes".</param>
    /// <returns>The matcher.</returns>
    public static MessageMatcher Predicate(Func<MockFrame, bool> predicate, string description) =>
        new PredicateMatcher(predicate, description);

    /// <summary>Same as <see cref="Exact"/>.</summary>
    /// <param name="text">The exact text expected.</param>
    public static implicit operator MessageMatcher(string text) => Exact(text);

    /// <summary>Same as <see cref="Exact"/>; the named alternative to the implicit conversion.</summary>
    /// <param name="text">The exact text expected.</param>
    /// <returns>The matcher.</returns>
    public static MessageMatcher FromString(string text) => Exact(text);

    /// <summary>Whether <paramref name="frame"/> is a match.</summary>
    /// <param name="frame">A received frame.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    public abstract bool IsMatch(MockFrame frame);

    /// <summary>Describes what is matched, for failure messages.</summary>
    /// <returns>The description.</returns>
    public abstract override string ToString();

    /// <summary>The frame's text when it is a text frame, otherwise <see langword="null"/>.</summary>
    /// <param name="frame">A received frame.</param>
    /// <returns>The text or <see langword="null"/>.</returns>
    protected static string? TextOf(MockFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return frame.Type == WebSocketMessageType.Text ? frame.Text : null;
    }
}
