namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>
/// Deribit's credit buckets (A.11), one per (key, pool): key is the account once authenticated, the client IP before.
/// Refill is continuous on the injected clock. Not thread-safe: used under the exchange lock.
/// </summary>
internal sealed class CreditLimiter(DeribitRateLimitOptions options, TimeProvider time)
{
    private static readonly HashSet<string> MatchingEngineMethods = new(StringComparer.Ordinal)
    {
        "private/buy", "private/sell", "private/edit", "private/edit_by_label", "private/cancel", "private/cancel_by_label",
        "private/cancel_all", "private/cancel_all_by_instrument", "private/cancel_all_by_currency",
        "private/cancel_all_by_kind_or_type", "private/close_position",
    };

    private readonly Dictionary<(string Key, DeribitCreditPool Pool), Bucket> _buckets = [];

    public static bool IsMatchingEngine(string method) => MatchingEngineMethods.Contains(method);

    /// <summary>Takes the method's cost from its pool; false when the pool is short (the caller answers 10028).</summary>
    public bool TryTake(string key, string method)
    {
        if (!options.Enabled)
        {
            return true;
        }

        var pool = PoolOf(method);
        if (!_buckets.TryGetValue((key, pool), out var bucket))
        {
            bucket = new Bucket { Credits = pool.Capacity, Stamp = time.GetTimestamp() };
            _buckets[(key, pool)] = bucket;
        }

        var now = time.GetTimestamp();
        var elapsed = time.GetElapsedTime(bucket.Stamp, now);
        bucket.Stamp = now;
        bucket.Credits = Math.Min(pool.Capacity, bucket.Credits + (long)(elapsed.TotalSeconds * pool.RefillPerSecond));
        if (bucket.Credits < pool.Cost)
        {
            return false;
        }

        bucket.Credits -= pool.Cost;
        return true;
    }

    private DeribitCreditPool PoolOf(string method) => method switch
    {
        "public/get_instruments" => options.GetInstruments,
        "public/subscribe" or "private/subscribe" => options.Subscribe,
        _ when IsMatchingEngine(method) => options.MatchingEngine,
        _ => options.NonMatchingEngine,
    };

    private sealed class Bucket
    {
        public long Credits { get; set; }

        public long Stamp { get; set; }
    }
}
