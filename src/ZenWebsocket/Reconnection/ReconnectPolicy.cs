namespace ZenWebsocket;

/// <summary>How a <see cref="ZenClient"/> retries after a failed connect or a dropped connection.</summary>
/// <remarks>
/// A reconnect sequence starts when a connection drops (or, with <see cref="RetryInitialConnect"/>, when the first
/// connect fails) and ends at the next successful connect, so budgets and backoff reset after every success.
/// </remarks>
public sealed record ReconnectPolicy
{
    /// <summary>Gets the default policy: decorrelated jitter from 1 s to 30 s, unlimited attempts, first retry immediate.</summary>
    public static ReconnectPolicy Default { get; } = new();

    /// <summary>Gets the first backoff delay.</summary>
    /// <value>Default 1 second. Must be positive.</value>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the cap on a backoff delay (a server's Retry-After may exceed it).</summary>
    /// <value>Default 30 seconds. Must be at least <see cref="BaseDelay"/>.</value>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets how delays are randomised.</summary>
    /// <value>Default <see cref="JitterMode.Decorrelated"/>.</value>
    public JitterMode Jitter { get; init; } = JitterMode.Decorrelated;

    /// <summary>Gets the most connection attempts in one sequence.</summary>
    /// <value>Default <see langword="null"/>: unlimited. At least 1 when set.</value>
    public int? MaxAttempts { get; init; }

    /// <summary>Gets the longest a sequence may last before giving up.</summary>
    /// <value>Default <see langword="null"/>: unlimited. Positive when set.</value>
    public TimeSpan? MaxElapsed { get; init; }

    /// <summary>Gets whether the first attempt after a drop goes out at once (a single blip heals fast).</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool ImmediateFirstRetry { get; init; } = true;

    /// <summary>Gets whether a failed first <see cref="ZenClient.ConnectAsync(CancellationToken)"/> is retried by this policy.</summary>
    /// <value>Default <see langword="false"/>: a first connect fails fast with its real error.</value>
    public bool RetryInitialConnect { get; init; }

    /// <summary>Gets after how many consecutive failed attempts the client pauses for <see cref="CircuitBreakDuration"/>.</summary>
    /// <value>Default <see langword="null"/>: no pause. At least 1 when set.</value>
    public int? CircuitBreakAfter { get; init; }

    /// <summary>Gets the pause taken after <see cref="CircuitBreakAfter"/> consecutive failures.</summary>
    /// <value>Default 60 seconds. Must be positive.</value>
    public TimeSpan CircuitBreakDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets the source of randomness in [0, 1) for jitter; inject a fixed one in tests.</summary>
    /// <value>Default <see langword="null"/>: <see cref="Random.Shared"/>.</value>
    public Func<double>? RandomSource { get; init; }

    /// <summary>Throws when a value is out of range, naming the option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its allowed range.</exception>
    public void Validate()
    {
        Guard.Positive(BaseDelay, "ReconnectPolicy.BaseDelay");
        if (MaxDelay < BaseDelay)
        {
            throw new ArgumentOutOfRangeException("ReconnectPolicy.MaxDelay", MaxDelay, $"ReconnectPolicy.MaxDelay must be at least BaseDelay ({BaseDelay}).");
        }

        if (!Enum.IsDefined(Jitter))
        {
            throw new ArgumentOutOfRangeException("ReconnectPolicy.Jitter", Jitter, "ReconnectPolicy.Jitter must be None, Full or Decorrelated.");
        }

        Guard.AtLeastOne(MaxAttempts, "ReconnectPolicy.MaxAttempts");
        Guard.AtLeastOne(CircuitBreakAfter, "ReconnectPolicy.CircuitBreakAfter");
        if (MaxElapsed is { } elapsed)
        {
            Guard.Positive(elapsed, "ReconnectPolicy.MaxElapsed");
        }

        Guard.Positive(CircuitBreakDuration, "ReconnectPolicy.CircuitBreakDuration");
    }
}
