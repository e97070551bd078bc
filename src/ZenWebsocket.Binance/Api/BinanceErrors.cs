using System.Text.Json;

namespace ZenWebsocket.Binance;

/// <summary>Binance's error codes (B.9) and their mapping to the library's typed exceptions.</summary>
public static class BinanceErrors
{
    /// <summary>-1000 UNKNOWN.</summary>
    public const long Unknown = -1000;

    /// <summary>-1002 UNAUTHORIZED.</summary>
    public const long Unauthorized = -1002;

    /// <summary>-1003 TOO_MANY_REQUESTS (request weight; with status 418 an IP ban).</summary>
    public const long TooManyRequests = -1003;

    /// <summary>-1007 TIMEOUT: execution status unknown.</summary>
    public const long Timeout = -1007;

    /// <summary>-1008 SERVER_BUSY.</summary>
    public const long ServerBusy = -1008;

    /// <summary>-1015 TOO_MANY_ORDERS.</summary>
    public const long TooManyOrders = -1015;

    /// <summary>-1021 INVALID_TIMESTAMP.</summary>
    public const long InvalidTimestamp = -1021;

    /// <summary>-1022 INVALID_SIGNATURE.</summary>
    public const long InvalidSignature = -1022;

    /// <summary>-2010 NEW_ORDER_REJECTED.</summary>
    public const long NewOrderRejected = -2010;

    /// <summary>-2011 CANCEL_REJECTED.</summary>
    public const long CancelRejected = -2011;

    /// <summary>-2013 NO_SUCH_ORDER.</summary>
    public const long NoSuchOrder = -2013;

    /// <summary>-2014 BAD_API_KEY_FMT.</summary>
    public const long BadApiKeyFormat = -2014;

    /// <summary>-2015 REJECTED_MBX_KEY.</summary>
    public const long RejectedApiKey = -2015;

    /// <summary>The hold-off when a 429 carries no <c>retryAfter</c>: Binance's windows are at most a minute for
    /// weight, and a second is the shortest useful pause.</summary>
    internal static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>Returns Binance's name of a code, or <see langword="null"/> for a code not in B.9.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The name, e.g. <c>INVALID_TIMESTAMP</c>.</returns>
    public static string? NameOf(long code) => code switch
    {
        -1000 => "UNKNOWN",
        -1002 => "UNAUTHORIZED",
        -1003 => "TOO_MANY_REQUESTS",
        -1007 => "TIMEOUT",
        -1008 => "SERVER_BUSY",
        -1013 => "INVALID_MESSAGE",
        -1015 => "TOO_MANY_ORDERS",
        -1021 => "INVALID_TIMESTAMP",
        -1022 => "INVALID_SIGNATURE",
        -1100 => "ILLEGAL_CHARS",
        -1101 => "TOO_MANY_PARAMETERS",
        -1102 => "MANDATORY_PARAM_EMPTY_OR_MALFORMED",
        -1103 => "UNKNOWN_PARAM",
        -1104 => "UNREAD_PARAMETERS",
        -1105 => "PARAM_EMPTY",
        -1106 => "PARAM_NOT_REQUIRED",
        -1121 => "BAD_SYMBOL",
        -1125 => "INVALID_LISTEN_KEY",
        -2010 => "NEW_ORDER_REJECTED",
        -2011 => "CANCEL_REJECTED",
        -2013 => "NO_SUCH_ORDER",
        -2014 => "BAD_API_KEY_FMT",
        -2015 => "REJECTED_MBX_KEY",
        -2035 => "SUBSCRIPTION_ACTIVE",
        -2036 => "SUBSCRIPTION_INACTIVE",
        -2042 => "MAXIMUM_SUBSCRIPTION_IDS",
        _ => null,
    };

    /// <summary>
    /// Maps an error answer to an exception. Credential refusals (-1002, -1022, -2014, -2015, status 401) become
    /// <see cref="ZenAuthenticationException"/> (the adapter stops instead of reconnecting in a loop when it happens
    /// while connecting) with the <see cref="BinanceApiException"/> inside; 429, 418, -1003 and -1015 become
    /// <see cref="ZenRateLimitedException"/> whose RetryAfter is <c>error.data.retryAfter</c> minus the server time;
    /// everything else a <see cref="BinanceApiException"/>.
    /// </summary>
    /// <param name="error">The error.</param>
    /// <param name="serverNow">The current server time in ms, used when <c>error.data</c> has no <c>serverTime</c>.</param>
    /// <returns>The exception.</returns>
    public static ZenWebSocketException Map(RpcError error, Func<long> serverNow)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(serverNow);
        var detail = new BinanceApiException(error.Code, error.Message, error.Data, error.Status);
        if (error.Status is 429 or 418 || error.Code is TooManyRequests or TooManyOrders)
        {
            var retryAfter = RetryAfter(error.Data, serverNow) ?? DefaultRetryAfter;
            var what = error.Status == 418 ? "banned this IP" : "is rate limiting this IP or account";
            return new ZenRateLimitedException($"Binance {what} ({error.Code} {error.Message}); retry after {retryAfter}.", retryAfter, detail);
        }

        if (error.Status == 401 || error.Code is Unauthorized or InvalidSignature or BadApiKeyFormat or RejectedApiKey)
        {
            return new ZenAuthenticationException($"Binance refused the credentials ({error.Code} {NameOf(error.Code)}: {error.Message}).", detail);
        }

        return detail;
    }

    /// <summary>Reads <c>retryAfter</c> (epoch ms) from <c>error.data</c> as a delay from the server's time.</summary>
    internal static TimeSpan? RetryAfter(string? data, Func<long> serverNow)
    {
        if (string.IsNullOrEmpty(data))
        {
            return null;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize(data, BinanceApiJson.Default.BinanceErrorData);
            if (parsed?.RetryAfter is not { } until)
            {
                return null;
            }

            var now = parsed.ServerTime ?? serverNow();
            return TimeSpan.FromMilliseconds(Math.Max(0, until - now));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
