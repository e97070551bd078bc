namespace ZenWebsocket.Binance.Tests.Api.Fakes;

/// <summary>Builds clients pointed at a <see cref="FakeBinanceApi"/>.</summary>
internal static class ApiKit
{
    public static readonly ReconnectPolicy FastPolicy = new() { BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) };

    public static BinanceCredentials Hmac() => BinanceCredentials.Hmac(FakeBinanceApi.HmacApiKey, FakeBinanceApi.HmacSecret);

    public static BinanceCredentials Ed25519(FakeBinanceApi api) => BinanceCredentials.Ed25519(FakeBinanceApi.Ed25519ApiKey, api.Ed25519PrivateKeyPem);

    public static BinanceApiClient Client(FakeBinanceApi api, BinanceCredentials? credentials, Action<BinanceApiClientOptions>? configure = null)
    {
        var options = new BinanceApiClientOptions
        {
            Endpoint = api.Url,
            Credentials = credentials,
            Reconnect = FastPolicy,
            RequestTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return new BinanceApiClient(options);
    }

    public static BinanceOrderRequest Limit(string? clientOrderId = null) => new()
    {
        Symbol = "BTCUSDT",
        Side = BinanceOrderSide.Buy,
        Price = 50000.00m,
        Quantity = 0.00100000m,
        NewClientOrderId = clientOrderId,
    };
}
