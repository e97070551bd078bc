using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>Signature checks of B.6.1 for one API key; public keys are parsed once, when the engine starts.</summary>
internal sealed class ApiSignatures : IDisposable
{
    private readonly BinanceSimApiKey _key;
    private readonly Ed25519PublicKeyParameters? _ed25519;
    private readonly RSA? _rsa;

    public ApiSignatures(BinanceSimApiKey key)
    {
        _key = key;
        try
        {
            switch (key.Type)
            {
                case BinanceSimKeyType.Ed25519:
                    _ed25519 = (Ed25519PublicKeyParameters)PublicKeyFactory.CreateKey(PemBody(key));
                    break;
                case BinanceSimKeyType.Rsa:
                    _rsa = RSA.Create();
                    _rsa.ImportSubjectPublicKeyInfo(PemBody(key), out _);
                    break;
            }
        }
        catch (Exception ex) when (ex is not ArgumentException { ParamName: nameof(key) })
        {
            // A PEM that holds no public key of the declared type fails here, at start, naming the option.
            _rsa?.Dispose();
            throw new ArgumentException($"BinanceApiOptions.Accounts: the public key of API key {key.ApiKey} is not a valid {key.Type} public key.", nameof(key), ex);
        }
    }

    public void Dispose() => _rsa?.Dispose();

    /// <summary>Builds the signed payload: every param but <c>signature</c>, sorted by name, <c>name=value</c> joined by <c>&amp;</c>.</summary>
    public static string Payload(ApiRequest request) => string.Join(
        '&',
        request.Params
            .Where(p => p.Key != "signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + ApiRequest.PayloadValue(p.Value)));

    /// <summary>Lower-case hex HMAC-SHA256 of <paramref name="payload"/>.</summary>
    public static string Hmac(string secret, string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)));

    public bool Verify(string payload, string signature)
    {
        var data = Encoding.UTF8.GetBytes(payload);
        switch (_key.Type)
        {
            case BinanceSimKeyType.Hmac:
                return string.Equals(Hmac(_key.Secret, payload), signature, StringComparison.OrdinalIgnoreCase);
            case BinanceSimKeyType.Ed25519:
                if (!TryBase64(signature, out var edSignature))
                {
                    return false;
                }

                var signer = new Ed25519Signer();
                signer.Init(false, _ed25519);
                signer.BlockUpdate(data, 0, data.Length);
                return signer.VerifySignature(edSignature);
            default:
                if (!TryBase64(signature, out var rsaSignature))
                {
                    return false;
                }

                return _rsa!.VerifyData(data, rsaSignature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
    }

    private static bool TryBase64(string text, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }

    private static byte[] PemBody(BinanceSimApiKey key)
    {
        var pem = key.Secret.AsSpan();
        if (!PemEncoding.TryFind(pem, out var fields))
        {
            throw new ArgumentException($"BinanceApiOptions.Accounts: the public key of API key {key.ApiKey} is not PEM.", nameof(key));
        }

        return Convert.FromBase64String(pem[fields.Base64Data].ToString());
    }
}
