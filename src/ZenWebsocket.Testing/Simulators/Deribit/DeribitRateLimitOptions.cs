namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>
/// The credit rate limiter (A.11). Credits are counted per account once a connection has authenticated, per client IP
/// before. A request that finds its pool short is answered with 10028 <c>too_many_requests</c> and, over WebSocket, the
/// connection is then closed, as Deribit terminates the session.
/// </summary>
public sealed record DeribitRateLimitOptions
{
    /// <summary>Turns the limiter on. Default <see langword="true"/>.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Every non-matching-engine method without a custom cost. Default 500 / 50 000 / 10 000 (20/s, burst 100).</summary>
    public DeribitCreditPool NonMatchingEngine { get; init; } = new(500, 50_000, 10_000);

    /// <summary><c>public/get_instruments</c>. Default 10 000 / 500 000 / 10 000 (1/s, burst 50).</summary>
    public DeribitCreditPool GetInstruments { get; init; } = new(10_000, 500_000, 10_000);

    /// <summary><c>public/subscribe</c> and <c>private/subscribe</c>. Default 3 000 / 30 000 / 10 000 (~3.3/s, burst 10).</summary>
    public DeribitCreditPool Subscribe { get; init; } = new(3_000, 30_000, 10_000);

    /// <summary>Matching-engine methods (buy, sell, edit, cancel...). Default tier 4: 1 000 / 20 000 / 5 000 (5/s, burst 20).</summary>
    public DeribitCreditPool MatchingEngine { get; init; } = new(1_000, 20_000, 5_000);

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(NonMatchingEngine, "DeribitRateLimitOptions.NonMatchingEngine");
        ArgumentNullException.ThrowIfNull(GetInstruments, "DeribitRateLimitOptions.GetInstruments");
        ArgumentNullException.ThrowIfNull(Subscribe, "DeribitRateLimitOptions.Subscribe");
        ArgumentNullException.ThrowIfNull(MatchingEngine, "DeribitRateLimitOptions.MatchingEngine");
        NonMatchingEngine.Validate("DeribitRateLimitOptions.NonMatchingEngine");
        GetInstruments.Validate("DeribitRateLimitOptions.GetInstruments");
        Subscribe.Validate("DeribitRateLimitOptions.Subscribe");
        MatchingEngine.Validate("DeribitRateLimitOptions.MatchingEngine");
    }
}
