namespace ZenWebsocket.Binance;

/// <summary>
/// The few Binance Spot REST calls a WebSocket client needs (B.1, B.5): order-book snapshots, exchange info, server
/// time and ping. Failures are typed: a Binance error body becomes <see cref="ZenExchangeException"/> (code and
/// <c>msg</c>), HTTP 429/418 <see cref="ZenRateLimitedException"/> with <c>Retry-After</c>, a network failure
/// <see cref="ZenTransportException"/>, a slow answer <see cref="ZenTimeoutException"/>. Thread-safe.
/// </summary>
public sealed partial class BinanceRestClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly BinanceRestClientOptions _options;

    // The base without a trailing slash, so a base with a path (a proxy's prefix) keeps it: {base}/api/v3/...
    private readonly string _baseText;
    private int _usedWeight = -1;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The settings; default <see cref="BinanceRestClientOptions.Default"/> (production).</param>
    /// <param name="httpClient">An HTTP client to use (not disposed by this client); by default the client makes and
    /// owns one. Its own <see cref="HttpClient.BaseAddress"/> is ignored: <see cref="BinanceRestClientOptions.BaseAddress"/> counts.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public BinanceRestClient(BinanceRestClientOptions? options = null, HttpClient? httpClient = null)
    {
        _options = options ?? BinanceRestClientOptions.Default;
        _options.Validate();
        _ownsHttp = httpClient is null;
        _baseText = _options.BaseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');

        // Our own timeout (on the TimeProvider) governs; the HttpClient's would race it with a less precise error.
        _http = httpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Gets the REST base requests go to.</summary>
    public Uri BaseAddress => _options.BaseAddress;

    /// <summary>Gets the request weight used in the current minute, from the last answer's <c>X-MBX-USED-WEIGHT-1M</c>
    /// header (B.8); <see langword="null"/> until an answer carried it.</summary>
    public int? UsedWeight1m => Volatile.Read(ref _usedWeight) is var weight and >= 0 ? weight : null;

    /// <summary>Disposes the HTTP client when this client created it.</summary>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }
}
