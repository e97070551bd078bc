namespace ZenWebsocket;

/// <summary>Connecting failed on every attempt the <see cref="ReconnectPolicy"/> allowed; the last error is the inner exception.</summary>
public sealed class ZenRetriesExhaustedException : ZenWebSocketException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="attempts">How many connection attempts were made.</param>
    /// <param name="elapsed">How long the attempts took in all.</param>
    /// <param name="lastError">The error of the last attempt.</param>
    public ZenRetriesExhaustedException(int attempts, TimeSpan elapsed, ZenWebSocketException lastError)
        : base($"Gave up connecting after {attempts} attempt(s) over {elapsed}: {lastError.Message}", lastError)
    {
        Attempts = attempts;
        Elapsed = elapsed;
        LastError = lastError;
    }

    /// <summary>Gets how many connection attempts were made.</summary>
    public int Attempts { get; }

    /// <summary>Gets how long the attempts took in all.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Gets the error of the last attempt.</summary>
    public ZenWebSocketException LastError { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => LastError.Category;

    /// <inheritdoc />
    public override bool IsTransient => false;

    /// <inheritdoc />
    public override string Explain() =>
        $"The reconnect budget ran out after {Attempts} attempt(s). Last error: {LastError.Explain()} Raise ReconnectPolicy.MaxAttempts or MaxElapsed, or call ReconnectAsync when the cause is fixed.";
}
