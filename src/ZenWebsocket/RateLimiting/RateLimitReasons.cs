namespace ZenWebsocket;

/// <summary>The <c>reason</c> tag values of <c>zenws.rate_limit.rejections</c>: a small fixed set.</summary>
internal static class RateLimitReasons
{
    /// <summary>Not enough tokens, and the caller would not wait.</summary>
    public const string Exhausted = "exhausted";

    /// <summary>An exchange penalty blocks the bucket.</summary>
    public const string Blocked = "blocked";

    /// <summary>Wait mode found the queue at its limit.</summary>
    public const string QueueFull = "queue_full";

    /// <summary>Wait mode could not (or would not, by the bucket's arithmetic) get tokens within the wait allowed.</summary>
    public const string Timeout = "timeout";
}
