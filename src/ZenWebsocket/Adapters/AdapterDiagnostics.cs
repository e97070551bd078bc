namespace ZenWebsocket;

/// <summary>A point-in-time picture of an <see cref="ExchangeAdapter"/>, cheap to take from any thread.</summary>
/// <param name="State">The current state.</param>
/// <param name="CurrentStep">The step of the ordered path running now; <see langword="null"/> when none is.</param>
/// <param name="Attempt">The attempt of the current (or last) ordered path.</param>
/// <param name="ConnectedSince">When the adapter last became <see cref="AdapterState.Ready"/>; <see langword="null"/> when not ready.</param>
/// <param name="Reconnects">How many times the adapter came back after a lost connection.</param>
/// <param name="LastError">The last error seen: a drop, a failed step, or what faulted the adapter.</param>
/// <param name="StepTimes">Total time spent in each step since the adapter was created (the running step included).</param>
/// <param name="Subscriptions">How many subscriptions the adapter holds (restored on every connect).</param>
/// <param name="PendingCalls">How many user calls wait: in the mailbox, or parked until the ordered path ends.</param>
/// <param name="Connection">The current client's diagnostics; <see langword="null"/> between connections.</param>
public sealed record AdapterDiagnostics(
    AdapterState State,
    AdapterStep? CurrentStep,
    int Attempt,
    DateTimeOffset? ConnectedSince,
    long Reconnects,
    Exception? LastError,
    IReadOnlyDictionary<AdapterStep, TimeSpan> StepTimes,
    int Subscriptions,
    int PendingCalls,
    ConnectionDiagnostics? Connection)
{
    /// <summary>Gets whether the adapter is ready and its connection is up: what a health check reports.</summary>
    public bool IsHealthy => State == AdapterState.Ready && Connection?.State == ConnectionState.Connected;
}
