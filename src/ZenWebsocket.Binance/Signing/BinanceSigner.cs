using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Signers;

namespace ZenWebsocket.Binance;

/// <summary>
/// The one place where Binance request signatures are made (B.6.1): the payload is every param except
/// <c>signature</c>, sorted by name (ordinal), joined as <c>name=value</c> with <c>&amp;</c>, without percent-encoding,
/// each value exactly as it is sent; HMAC-SHA256 signs it to lowercase hex, Ed25519 and RSA (PKCS#1 v1.5, SHA-256)
/// to base64.
/// </summary>
public static class BinanceSigner
{
    /// <summary>Builds the signature payload from params.</summary>
    /// <param name="parameters">Name and value-as-sent of every param; a <c>signature</c> param is left out.</param>
    /// <returns>The payload, e.g. <c>apiKey=...&amp;price=52000.00&amp;...&amp;timestamp=1645423376532</c>.</returns>
    public static string BuildPayload(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var builder = new StringBuilder(256);
        foreach (var (name, value) in parameters.Where(p => p.Key != "signature").OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(name).Append('=').Append(value);
        }

        return builder.ToString();
    }

    /// <summary>Signs a payload with the credentials' key.</summary>
    /// <param name="credentials">The credentials.</param>
    /// <param name="payload">The payload from <see cref="BuildPayload"/>.</param>
    /// <returns>Lowercase hex for HMAC, base64 for Ed25519 and RSA.</returns>
    public static string Sign(BinanceCredentials credentials, string payload)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(payload);
        var data = Encoding.UTF8.GetBytes(payload);
        return credentials.KeyType switch
        {
            BinanceKeyType.Hmac => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(credentials.HmacSecret!), data)),
            BinanceKeyType.Ed25519 => SignEd25519(credentials, data),
            BinanceKeyType.Rsa => SignRsa(credentials, data),
            _ => throw new ArgumentOutOfRangeException(nameof(credentials), credentials.KeyType, "Unknown Binance key type."),
        };
    }

    /// <summary>Builds the payload of <paramref name="parameters"/> and signs it.</summary>
    /// <param name="credentials">The credentials.</param>
    /// <param name="parameters">Name and value-as-sent of every param.</param>
    /// <returns>The signature.</returns>
    public static string Sign(BinanceCredentials credentials, IEnumerable<KeyValuePair<string, string>> parameters) =>
        Sign(credentials, BuildPayload(parameters));

    private static string SignEd25519(BinanceCredentials credentials, byte[] data)
    {
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, credentials.Ed25519Key!);
        signer.BlockUpdate(data, 0, data.Length);
        return Convert.ToBase64String(signer.GenerateSignature());
    }

    private static string SignRsa(BinanceCredentials credentials, byte[] data)
    {
        var rsa = credentials.RsaKey!;

        // One key object per credentials, shared by every request: an RSA instance is not documented as safe to
        // sign with from several threads at once.
        lock (rsa)
        {
            return Convert.ToBase64String(rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }
    }
}
