namespace ZenWebsocket.Deribit;

/// <summary>
/// The local credit limits of a <see cref="DeribitAdapter"/> (A.11): the adapter builds
/// <see cref="DeribitCredits.CreateLimiter"/> on its own clock, so a burst waits locally for credits instead of
/// being answered with 10028 <c>too_many_requests</c> (which also terminates the session).
/// </summary>
public sealed class DeribitRateLimits
{
    /// <summary>Gets or sets the account's matching-engine tier (orders, edits, cancels).</summary>
    /// <value>Default <see cref="DeribitMatchingEngineTier.Tier4"/>, the safe choice when the tier is unknown.</value>
    public DeribitMatchingEngineTier MatchingEngineTier { get; set; } = DeribitMatchingEngineTier.Tier4;

    /// <summary>Throws when the tier is not Tier1 to Tier4.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The tier is invalid.</exception>
    public void Validate()
    {
        if (MatchingEngineTier is < DeribitMatchingEngineTier.Tier1 or > DeribitMatchingEngineTier.Tier4)
        {
            throw new ArgumentOutOfRangeException(nameof(MatchingEngineTier), MatchingEngineTier, "DeribitRateLimits.MatchingEngineTier must be Tier1 to Tier4.");
        }
    }

    /// <summary>Returns a description.</summary>
    /// <returns>The tier.</returns>
    public override string ToString() => $"DeribitRateLimits {{ MatchingEngineTier = {MatchingEngineTier} }}";
}
