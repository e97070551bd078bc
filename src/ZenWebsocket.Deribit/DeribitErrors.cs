namespace ZenWebsocket.Deribit;

/// <summary>Maps Deribit's error codes (A.9) to the library's typed exceptions.</summary>
internal static class DeribitErrors
{
    /// <summary>How long to hold off after 10028: Deribit publishes no Retry-After, and a second covers the refill of
    /// a default request (500 credits at 10,000 a second) many times over (A.11).</summary>
    public static readonly TimeSpan TooManyRequestsRetryAfter = TimeSpan.FromSeconds(1);

    public static ZenWebSocketException Map(RpcError error) => error.Code switch
    {
        // 13004 invalid_credentials, 13009 unauthorized, 13021 forbidden: the adapter stops instead of looping.
        13004 or 13009 or 13021 => new ZenAuthenticationException($"Deribit refused the authentication ({error.Code} {error.Message})."),

        // 10028 too_many_requests: Deribit also terminates the session (A.11). The RetryAfter penalizes the local
        // credit limiter for the method, and the reconnect waits at least as long, so credits can refill.
        10028 => new ZenRateLimitedException($"Deribit is throttling this account ({error.Code} {error.Message}).", retryAfter: TooManyRequestsRetryAfter),
        _ => new DeribitException(error.Code, error.Message, error.Data),
    };
}
