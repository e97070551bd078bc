namespace ZenWebsocket;

/// <summary>One step of the ordered path finished, well or not.</summary>
/// <param name="Step">The step.</param>
/// <param name="Attempt">The attempt of the ordered path (1-based, counted from the drop or the first start).</param>
/// <param name="IsReconnect">Whether the path runs after a lost connection (not the first start).</param>
/// <param name="Duration">How long the step took, on the adapter's <see cref="TimeProvider"/>.</param>
/// <param name="Error">Why it failed; <see langword="null"/> when it succeeded.</param>
public sealed record AdapterStepCompleted(AdapterStep Step, int Attempt, bool IsReconnect, TimeSpan Duration, Exception? Error)
{
    /// <summary>Gets whether the step succeeded.</summary>
    public bool Succeeded => Error is null;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Step} attempt {Attempt} {(Succeeded ? "succeeded" : "failed")} in {Duration.TotalMilliseconds:0} ms{(Error is null ? "" : $": {Error.Message}")}";
}
