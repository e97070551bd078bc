using System.Collections.Frozen;

namespace ZenWebsocket;

/// <summary>
/// Deribit's credit system: two separate per-sub-account buckets, one for matching-engine requests (orders, edits,
/// cancels) and one, counted in credits, for everything else. <see cref="IsMatchingEngine"/> says which bucket a
/// method uses; <see cref="NonMatchingEngine"/> and <see cref="MatchingEngine"/> are the costs on each.
/// </summary>
/// <remarks>
/// Deribit terminates the session on error 10028 (<c>too_many_requests</c>); call <see cref="ZenRateLimiter.Penalize"/>
/// on the bucket the method used. The numbers are Deribit's published defaults; an account's real limits are in
/// <c>private/get_account_summary</c> (<c>limits</c>) and can be passed to the factory methods. The separate pools of
/// the custom-cost methods (<c>public/get_instruments</c>, subscriptions, <c>private/get_transaction_log</c>) are not
/// modelled: those methods are charged their credit cost on the shared non-matching-engine bucket, which is stricter.
/// <c>private/move_positions</c> is a matching-engine method here; its extra 100-per-week allowance is not modelled.
/// </remarks>
public static class DeribitCredits
{
    /// <summary>The credit cost of a non-matching-engine method without a custom cost.</summary>
    public const int DefaultCost = 500;

    /// <summary>The name of the non-matching-engine limiter built by <see cref="NonMatchingEngineLimit"/>.</summary>
    public const string NonMatchingEngineName = "deribit.non_matching_engine";

    /// <summary>The name of the matching-engine limiter built by <see cref="MatchingEngineLimit(DeribitMatchingEngineTier)"/>.</summary>
    public const string MatchingEngineName = "deribit.matching_engine";

    // Short names; a method matches with the "private/" prefix or none.
    private static readonly FrozenSet<string> s_matchingEngine = new[]
    {
        "buy", "sell", "edit", "edit_by_label", "cancel", "cancel_by_label", "cancel_all", "cancel_all_by_instrument",
        "cancel_all_by_currency", "cancel_all_by_kind_or_type", "close_position", "verify_block_trade",
        "execute_block_trade", "move_positions", "mass_quote", "cancel_quotes", "add_block_rfq_quote",
        "edit_block_rfq_quote", "cancel_block_rfq_quote",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_matchingEngineLookup =
        s_matchingEngine.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly RequestCostTable s_credits = new(
        new Dictionary<string, int>
        {
            ["public/get_instruments"] = 10_000,
            ["public/subscribe"] = 3_000,
            ["private/subscribe"] = 3_000,
            ["private/get_transaction_log"] = 10_000,
        },
        DefaultCost);

    /// <summary>Gets the cost in credits on the non-matching-engine bucket: 0 for matching-engine methods, a custom cost for a few, 500 for the rest.</summary>
    public static IRequestCost NonMatchingEngine { get; } = new Credits();

    /// <summary>Gets the cost on the matching-engine bucket: 1 request for a matching-engine method, 0 otherwise.</summary>
    public static IRequestCost MatchingEngine { get; } = new Requests();

    /// <summary>Returns whether <paramref name="method"/> is a matching-engine method (orders, edits, cancels, quotes, block trades).</summary>
    /// <param name="method">The JSON-RPC method, such as <c>private/buy</c>; <see langword="null"/> or unknown is not.</param>
    /// <returns><see langword="true"/> for a matching-engine method.</returns>
    public static bool IsMatchingEngine(string method)
    {
        if (method is null)
        {
            return false;
        }

        var name = method.AsSpan();
        const string prefix = "private/";
        if (name.StartsWith(prefix, StringComparison.Ordinal))
        {
            name = name[prefix.Length..];
        }
        else if (name.Contains('/'))
        {
            return false;
        }

        return s_matchingEngineLookup.Contains(name);
    }

    /// <summary>Builds the non-matching-engine bucket in credits: each request costs 500 (<see cref="DefaultCost"/>) or its custom cost.</summary>
    /// <param name="requestsPerSecond">Sustained default-cost requests per second. Default 20 (10,000 credits per second).</param>
    /// <param name="burst">Default-cost requests a full bucket allows. Default 100 (50,000 credits).</param>
    /// <returns>Options refilling every 10 ms, which tracks Deribit's continuous refill closely.</returns>
    public static RateLimitOptions NonMatchingEngineLimit(int requestsPerSecond = 20, int burst = 100)
    {
        Guard.InRange(requestsPerSecond, 1, 100_000, nameof(requestsPerSecond));
        Guard.InRange(burst, 1, int.MaxValue / DefaultCost, nameof(burst));

        // 500 credits per request and 100 ticks of 10 ms per second: 5 credits per request-per-second per tick.
        var capacity = burst * DefaultCost;
        return new RateLimitOptions
        {
            Name = NonMatchingEngineName,
            Capacity = capacity,
            RefillAmount = Math.Min(capacity, requestsPerSecond * (DefaultCost / 100)),
            RefillPeriod = TimeSpan.FromMilliseconds(10),
        };
    }

    /// <summary>Builds the matching-engine bucket for a tier, one token per request.</summary>
    /// <param name="tier">The account's tier. Use <see cref="DeribitMatchingEngineTier.Tier4"/> when unknown.</param>
    /// <returns>Options for the tier's sustained rate and burst.</returns>
    public static RateLimitOptions MatchingEngineLimit(DeribitMatchingEngineTier tier) => tier switch
    {
        DeribitMatchingEngineTier.Tier1 => MatchingEngineLimit(30, 100),
        DeribitMatchingEngineTier.Tier2 => MatchingEngineLimit(20, 50),
        DeribitMatchingEngineTier.Tier3 => MatchingEngineLimit(10, 30),
        DeribitMatchingEngineTier.Tier4 => MatchingEngineLimit(5, 20),
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "tier must be Tier1 to Tier4."),
    };

    /// <summary>Builds the matching-engine bucket from explicit numbers (as reported in <c>get_account_summary</c>).</summary>
    /// <param name="requestsPerSecond">Sustained requests per second.</param>
    /// <param name="burst">Requests a full bucket allows.</param>
    /// <returns>Options refilling one token every 1/<paramref name="requestsPerSecond"/> second (rounded up, so never faster).</returns>
    public static RateLimitOptions MatchingEngineLimit(int requestsPerSecond, int burst)
    {
        Guard.InRange(requestsPerSecond, 1, 1_000_000, nameof(requestsPerSecond));
        Guard.InRange(burst, 1, int.MaxValue, nameof(burst));
        return new RateLimitOptions
        {
            Name = MatchingEngineName,
            Capacity = burst,
            RefillAmount = 1,
            RefillPeriod = TimeSpan.FromTicks((TimeSpan.TicksPerSecond + requestsPerSecond - 1) / requestsPerSecond),
        };
    }

    /// <summary>Creates both buckets and a composite that charges each method to the right one.</summary>
    /// <param name="tier">The account's matching-engine tier. Default <see cref="DeribitMatchingEngineTier.Tier4"/>.</param>
    /// <param name="timeProvider">The clock. Default <see cref="TimeProvider.System"/>.</param>
    /// <returns>A composite that owns (and disposes) its two limiters.</returns>
    public static CompositeRateLimiter CreateLimiter(DeribitMatchingEngineTier tier = DeribitMatchingEngineTier.Tier4, TimeProvider? timeProvider = null)
    {
        var matching = new ZenRateLimiter(MatchingEngineLimit(tier), timeProvider);
        var credits = new ZenRateLimiter(NonMatchingEngineLimit(), timeProvider);
        return new CompositeRateLimiter([new(credits, NonMatchingEngine), new(matching, MatchingEngine)], ownsLimiters: true);
    }

    private sealed class Credits : IRequestCost
    {
        public int GetCost(string method) => IsMatchingEngine(method) ? 0 : s_credits.GetCost(method);
    }

    private sealed class Requests : IRequestCost
    {
        public int GetCost(string method) => IsMatchingEngine(method) ? 1 : 0;
    }
}
