namespace ZenWebsocket.Binance;

/// <summary>Settings of <see cref="BinanceRestClient"/>. Validated once, when the client is created.</summary>
public sealed record BinanceRestClientOptions
{
    /// <summary>Gets the default options: production REST, 10 s timeout, system clock.</summary>
    public static BinanceRestClientOptions Default { get; } = new();

    /// <summary>Gets the REST base, without <c>/api/v3</c>. Default <c>https://api.binance.com</c>
    /// (<see cref="BinanceEndpoints.Production"/>); use <c>BinanceEndpoints.SingleHost(url).Rest</c> for a simulator.</summary>
    public Uri BaseAddress { get; init; } = BinanceEndpoints.Production.Rest;

    /// <summary>Gets how long one request may take, response body included. Default 10 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets the clock for timeouts and <c>Retry-After</c> dates. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets the <c>REQUEST_WEIGHT</c> bucket to charge before each request (B.8: 6000 per minute per IP,
    /// shared by REST and the WebSocket API, so share one limiter, e.g. from <c>BinanceWeights.RequestWeightLimit()</c>);
    /// a request waits for its weight up to the limiter's <c>MaxWait</c>, then fails with
    /// <see cref="ZenRateLimitedException"/> unsent. Default <see langword="null"/>: not charged.</summary>
    public ZenRateLimiter? WeightLimiter { get; init; }

    /// <summary>Throws when a value is out of range, naming the option.</summary>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    public void Validate()
    {
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttp && BaseAddress.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"BinanceRestClientOptions.BaseAddress must be an absolute http:// or https:// URL (was '{BaseAddress}').");
        }

        if (RequestTimeout <= TimeSpan.Zero && RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"BinanceRestClientOptions.RequestTimeout must be positive or Timeout.InfiniteTimeSpan (was {RequestTimeout}).");
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException("BinanceRestClientOptions.TimeProvider must not be null.");
        }
    }
}
