namespace ZenWebsocket;

/// <summary>One state transition of an <see cref="ExchangeAdapter"/>; exactly one event is raised per transition.</summary>
/// <param name="Previous">The state before.</param>
/// <param name="Current">The state after.</param>
/// <param name="Attempt">The attempt of the ordered path this transition belongs to (1-based; 0 when not applicable).</param>
/// <param name="NextDelay">For <see cref="AdapterState.Reconnecting"/> (and a retried first connect), the backoff before the next attempt.</param>
/// <param name="Error">The error behind the transition: the drop, the failed step, or the error that faulted the adapter.</param>
/// <param name="Timestamp">When it happened, from the adapter's <see cref="TimeProvider"/>.</param>
public sealed record AdapterStateChanged(
    AdapterState Previous,
    AdapterState Current,
    int Attempt,
    TimeSpan? NextDelay,
    Exception? Error,
    DateTimeOffset Timestamp)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var text = $"{Previous} -> {Current} (attempt {Attempt}";
        if (NextDelay is { } delay)
        {
            text += $", next in {delay.TotalMilliseconds:0} ms";
        }

        if (Error is not null)
        {
            text += $", {Error.GetType().Name}: {Error.Message}";
        }

        return text + ")";
    }
}
