namespace ZenWebsocket.Binance;

/// <summary>The kind of a Binance API key, which decides how requests are signed (B.6.1).</summary>
public enum BinanceKeyType
{
    /// <summary>HMAC-SHA256 with a secret key; the signature is lowercase hex.</summary>
    Hmac,

    /// <summary>Ed25519 with a private key; the signature is base64. The only kind allowed to <c>session.logon</c>.</summary>
    Ed25519,

    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256 and an RSA private key; the signature is base64.</summary>
    Rsa,
}
