using BenchmarkDotNet.Attributes;
using ZenWebsocket.Binance;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Benchmarks;

/// <summary>
/// What signing one <c>order.place</c> costs (B.6.1): building the sorted payload, then HMAC-SHA256 (hex), Ed25519
/// (BouncyCastle, base64) or RSA-2048 (base64), with the simulator's published test keys.
/// </summary>
public class BinanceSigningBenchmarks
{
    private readonly KeyValuePair<string, string>[] _orderPlace =
    [
        new("symbol", "BTCUSDT"),
        new("side", "BUY"),
        new("type", "LIMIT"),
        new("timeInForce", "GTC"),
        new("price", "50000.00"),
        new("quantity", "0.00100000"),
        new("newClientOrderId", "zen-3f9a0c6e1b2d4a57"),
        new("apiKey", BinanceSimKeys.HmacApiKey),
        new("recvWindow", "5000"),
        new("timestamp", "1700000000123"),
    ];

    private BinanceCredentials _hmac = null!;
    private BinanceCredentials _ed25519 = null!;
    private BinanceCredentials _rsa = null!;

    [GlobalSetup]
    public void Prepare()
    {
        _hmac = BinanceCredentials.Hmac(BinanceSimKeys.HmacApiKey, BinanceSimKeys.HmacSecret);
        _ed25519 = BinanceCredentials.Ed25519(BinanceSimKeys.Ed25519ApiKey, BinanceSimKeys.Ed25519PrivateKeyPem);
        _rsa = BinanceCredentials.Rsa(BinanceSimKeys.RsaApiKey, BinanceSimKeys.RsaPrivateKeyPem);
    }

    /// <summary>The payload alone: ten params sorted by name and joined (<c>apiKey=...&amp;...&amp;type=LIMIT</c>).</summary>
    [Benchmark(Baseline = true)]
    public string BuildPayload() => BinanceSigner.BuildPayload(_orderPlace);

    /// <summary>Payload + HMAC-SHA256 to lowercase hex: what every request of an HMAC key pays.</summary>
    [Benchmark]
    public string SignHmacSha256() => BinanceSigner.Sign(_hmac, _orderPlace);

    /// <summary>Payload + Ed25519 to base64 (with <c>session.logon</c> only the logon pays this, not each order).</summary>
    [Benchmark]
    public string SignEd25519() => BinanceSigner.Sign(_ed25519, _orderPlace);

    /// <summary>Payload + RSA-2048 PKCS#1 v1.5 SHA-256 to base64 (the key's PEM is imported on every call).</summary>
    [Benchmark]
    public string SignRsa() => BinanceSigner.Sign(_rsa, _orderPlace);
}
