namespace ZenWebsocket;

/// <summary>Deribit's matching-engine rate tiers, set by the account's trailing 7-day volume and recomputed hourly.</summary>
public enum DeribitMatchingEngineTier
{
    /// <summary>Over USD 25 M: 30 requests per second, burst 100.</summary>
    Tier1 = 1,

    /// <summary>Over USD 5 M: 20 requests per second, burst 50.</summary>
    Tier2 = 2,

    /// <summary>Over USD 1 M: 10 requests per second, burst 30.</summary>
    Tier3 = 3,

    /// <summary>Up to USD 1 M: 5 requests per second, burst 20. The safe default when the tier is unknown.</summary>
    Tier4 = 4,
}
