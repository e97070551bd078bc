using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace ZenWebsocket.Binance;

/// <summary>
/// A Binance API key and the secret that signs with it: an HMAC secret, an Ed25519 private key or an RSA private key.
/// Keys are parsed when the credentials are made, so a bad key fails here with a clear message instead of on the
/// first order. The secret never appears in <see cref="ToString"/>, logs or exception messages.
/// </summary>
public sealed class BinanceCredentials
{
    private BinanceCredentials(string apiKey, BinanceKeyType keyType, string? hmacSecret, Ed25519PrivateKeyParameters? ed25519, RSA? rsa)
    {
        ApiKey = apiKey;
        KeyType = keyType;
        HmacSecret = hmacSecret;
        Ed25519Key = ed25519;
        RsaKey = rsa;
    }

    /// <summary>Gets the API key (sent as <c>apiKey</c>; not a secret).</summary>
    public string ApiKey { get; }

    /// <summary>Gets the kind of key, which decides the signature.</summary>
    public BinanceKeyType KeyType { get; }

    /// <summary>Gets whether the key may authenticate the whole connection with <c>session.logon</c> (Ed25519 only, B.6.2).</summary>
    public bool CanLogOn => KeyType == BinanceKeyType.Ed25519;

    internal string? HmacSecret { get; }

    internal Ed25519PrivateKeyParameters? Ed25519Key { get; }

    /// <summary>Gets the parsed RSA key; signing with it is serialised by <see cref="BinanceSigner"/>.</summary>
    internal RSA? RsaKey { get; }

    /// <summary>Creates HMAC-SHA256 credentials.</summary>
    /// <param name="apiKey">The API key.</param>
    /// <param name="secretKey">The secret key.</param>
    /// <returns>The credentials.</returns>
    /// <exception cref="ArgumentException">A value is empty.</exception>
    public static BinanceCredentials Hmac(string apiKey, string secretKey)
    {
        ValidateApiKey(apiKey);
        if (string.IsNullOrWhiteSpace(secretKey))
        {
            throw new ArgumentException("The Binance HMAC secret key is empty.", nameof(secretKey));
        }

        return new BinanceCredentials(apiKey, BinanceKeyType.Hmac, secretKey, null, null);
    }

    /// <summary>Creates Ed25519 credentials.</summary>
    /// <param name="apiKey">The API key.</param>
    /// <param name="privateKey">The private key: an unencrypted PKCS#8 PEM (<c>-----BEGIN PRIVATE KEY-----</c>), or the
    /// raw 32-byte seed in base64.</param>
    /// <returns>The credentials.</returns>
    /// <exception cref="ArgumentException">A value is empty, or the key is not an unencrypted Ed25519 private key.</exception>
    public static BinanceCredentials Ed25519(string apiKey, string privateKey)
    {
        ValidateApiKey(apiKey);
        if (string.IsNullOrWhiteSpace(privateKey))
        {
            throw new ArgumentException("The Binance Ed25519 private key is empty.", nameof(privateKey));
        }

        return new BinanceCredentials(apiKey, BinanceKeyType.Ed25519, null, ParseEd25519(privateKey), null);
    }

    /// <summary>Creates RSA credentials.</summary>
    /// <param name="apiKey">The API key.</param>
    /// <param name="privateKeyPem">The unencrypted RSA private key in PEM (PKCS#8 or PKCS#1).</param>
    /// <returns>The credentials.</returns>
    /// <exception cref="ArgumentException">A value is empty, or the key is not an unencrypted RSA private key.</exception>
    public static BinanceCredentials Rsa(string apiKey, string privateKeyPem)
    {
        ValidateApiKey(apiKey);
        if (string.IsNullOrWhiteSpace(privateKeyPem))
        {
            throw new ArgumentException("The Binance RSA private key is empty.", nameof(privateKeyPem));
        }

        // Parsed once: importing the PEM on every signature would cost more than the signature itself.
        var rsa = System.Security.Cryptography.RSA.Create();
        try
        {
            rsa.ImportFromPem(privateKeyPem);
            _ = rsa.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();

            // The parser's message is kept out: it may quote the key.
            throw new ArgumentException("The Binance RSA private key is not an unencrypted RSA private key in PEM form.", nameof(privateKeyPem));
        }

        return new BinanceCredentials(apiKey, BinanceKeyType.Rsa, null, null, rsa);
    }

    /// <summary>Returns the key type and a shortened API key; the secret is never shown.</summary>
    /// <returns>A description.</returns>
    public override string ToString() =>
        $"BinanceCredentials {{ KeyType = {KeyType}, ApiKey = {(ApiKey.Length > 8 ? string.Concat(ApiKey.AsSpan(0, 4), "…", ApiKey.AsSpan(ApiKey.Length - 4)) : "…")} }}";

    private static void ValidateApiKey(string apiKey)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new ArgumentException("The Binance API key is empty.", nameof(apiKey));
        }

        if (apiKey.Any(c => c is '"' or '\\' or '&' or '=' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException("The Binance API key contains whitespace or a character ('\"', '\\', '&', '=') no API key has.", nameof(apiKey));
        }
    }

    private static Ed25519PrivateKeyParameters ParseEd25519(string privateKey)
    {
        var text = privateKey.Trim();
        if (text.Contains("ENCRYPTED", StringComparison.Ordinal))
        {
            throw new ArgumentException("The Binance Ed25519 private key is encrypted; give the unencrypted PKCS#8 PEM.", nameof(privateKey));
        }

        try
        {
            if (text.StartsWith("-----BEGIN", StringComparison.Ordinal))
            {
                var fields = PemEncoding.Find(text);
                var der = Convert.FromBase64String(text[fields.Base64Data]);
                return PrivateKeyFactory.CreateKey(der) as Ed25519PrivateKeyParameters
                    ?? throw new ArgumentException("The Binance Ed25519 private key PEM holds another kind of key.", nameof(privateKey));
            }

            var seed = Convert.FromBase64String(text);
            return seed.Length == Ed25519PrivateKeyParameters.KeySize
                ? new Ed25519PrivateKeyParameters(seed)
                : throw new ArgumentException($"The Binance Ed25519 private key is neither a PKCS#8 PEM nor a base64 {Ed25519PrivateKeyParameters.KeySize}-byte seed.", nameof(privateKey));
        }
        catch (Exception ex) when (ex is not ArgumentException { ParamName: nameof(privateKey) })
        {
            // Any parser failure (base64, ASN.1, BouncyCastle); its message is kept out: it may quote the key.
            throw new ArgumentException("The Binance Ed25519 private key is neither an unencrypted PKCS#8 PEM nor a base64 32-byte seed.", nameof(privateKey));
        }
    }
}
