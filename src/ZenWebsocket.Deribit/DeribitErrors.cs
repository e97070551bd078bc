namespace ZenWebsocket.Deribit;

/// <summary>Maps Deribit's error codes (A.9) to the library's typed exceptions.</summary>
internal static class DeribitErrors
{
    public static ZenWebSocketException Map(RpcError error) => error.Code switch
    {
        // 13004 invalid_credentials, 13009 unauthorized, 13021 forbidden: the adapter stops instead of looping.
        13004 or 13009 or 13021 => new ZenAuthenticationException($"Deribit refused the authentication ({error.Code} {error.Message})."),

        // 10028 too_many_requests: Deribit also terminates the session; the reconnect waits for credits to refill.
        10028 => new ZenRateLimitedException($"Deribit is throttling this account ({error.Code} {error.Message}).", retryAfter: null),
        _ => new DeribitException(error.Code, error.Message, error.Data),
    };
}
