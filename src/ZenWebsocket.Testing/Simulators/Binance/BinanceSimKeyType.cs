namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>How an API key of the simulated exchange signs its requests (B.6.1).</summary>
public enum BinanceSimKeyType
{
    /// <summary>HMAC-SHA256 with a shared secret, hex signature.</summary>
    Hmac,

    /// <summary>Ed25519, base64 signature; the only type <c>session.logon</c> accepts.</summary>
    Ed25519,

    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256, base64 signature.</summary>
    Rsa,
}
