using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace ZenWebsocket.Binance.Tests.Signing;

public sealed class BinanceSignerTests
{
    private const string VectorSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private const string VectorApiKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private const string VectorPayload = "apiKey=vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A&price=52000.00&quantity=0.01000000&recvWindow=100&side=SELL&symbol=BTCUSDT&timeInForce=GTC&timestamp=1645423376532&type=LIMIT";
    private const string VectorSignature = "aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24";

    [Fact]
    public void The_HMAC_vector_of_the_documentation_signs_to_the_documented_hex()
    {
        var credentials = BinanceCredentials.Hmac(VectorApiKey, VectorSecret);

        Assert.Equal(VectorSignature, BinanceSigner.Sign(credentials, VectorPayload));
    }

    [Fact]
    public void Params_added_in_any_order_with_decimals_as_given_build_the_vector_payload_and_signature()
    {
        // Shuffled, typed as the client adds them: decimals keep their trailing zeros, numbers stay numbers.
        var parameters = new BinanceParams()
            .Add("symbol", "BTCUSDT").Add("type", "LIMIT").Add("timestamp", 1645423376532L).Add("side", "SELL")
            .Add("quantity", 0.01000000m).Add("price", 52000.00m).Add("timeInForce", "GTC").Add("apiKey", VectorApiKey)
            .Add("recvWindow", 100L).Add("signature", "ignored");

        Assert.Equal(VectorPayload, BinanceSigner.BuildPayload(parameters.AsPairs()));
        Assert.Equal(VectorSignature, BinanceSigner.Sign(BinanceCredentials.Hmac(VectorApiKey, VectorSecret), parameters.AsPairs()));
    }

    [Fact]
    public void Payload_values_are_not_percent_encoded_and_booleans_are_lowercase()
    {
        var parameters = new BinanceParams().Add("b", "a b/c+d").Add("a", true).Add("C", 1.5m);

        Assert.Equal("C=1.5&a=true&b=a b/c+d", BinanceSigner.BuildPayload(parameters.AsPairs()));
    }

    [Fact]
    public void The_params_json_carries_the_same_values_the_signature_covers()
    {
        var parameters = new BinanceParams().Add("price", 52000.00m).Add("timestamp", 1645423376532L).Add("flag", false);
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
        {
            parameters.WriteTo(writer);
        }

        Assert.Equal("{\"price\":\"52000.00\",\"timestamp\":1645423376532,\"flag\":false}", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void An_Ed25519_PKCS8_key_signs_base64_that_its_public_key_verifies()
    {
        var (pem, publicKey, _) = NewEd25519Key();
        var credentials = BinanceCredentials.Ed25519("key", pem);

        var signature = BinanceSigner.Sign(credentials, "apiKey=key&timestamp=1649729878532");

        Assert.True(Verify(publicKey, "apiKey=key&timestamp=1649729878532", signature));
        Assert.False(Verify(publicKey, "apiKey=key&timestamp=1649729878533", signature));
    }

    [Fact]
    public void An_Ed25519_raw_seed_in_base64_signs_like_its_PKCS8_form()
    {
        var (pem, _, seed) = NewEd25519Key();

        Assert.Equal(
            BinanceSigner.Sign(BinanceCredentials.Ed25519("key", pem), "a=1"),
            BinanceSigner.Sign(BinanceCredentials.Ed25519("key", Convert.ToBase64String(seed)), "a=1"));
    }

    [Fact]
    public void An_RSA_key_signs_PKCS1_SHA256_base64_that_its_public_key_verifies()
    {
        using var rsa = RSA.Create(2048);
        var credentials = BinanceCredentials.Rsa("key", rsa.ExportPkcs8PrivateKeyPem());

        var signature = BinanceSigner.Sign(credentials, "apiKey=key&timestamp=1");

        Assert.True(rsa.VerifyData(Encoding.UTF8.GetBytes("apiKey=key&timestamp=1"), Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    internal static (string Pem, Ed25519PublicKeyParameters PublicKey, byte[] Seed) NewEd25519Key()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var privateKey = (Ed25519PrivateKeyParameters)pair.Private;
        var der = PrivateKeyInfoFactory.CreatePrivateKeyInfo(privateKey).GetDerEncoded();
        var pem = new string(System.Security.Cryptography.PemEncoding.Write("PRIVATE KEY", der));
        return (pem, (Ed25519PublicKeyParameters)pair.Public, privateKey.GetEncoded());
    }

    internal static bool Verify(Ed25519PublicKeyParameters publicKey, string payload, string signature)
    {
        var verifier = new Ed25519Signer();
        verifier.Init(forSigning: false, publicKey);
        var data = Encoding.UTF8.GetBytes(payload);
        verifier.BlockUpdate(data, 0, data.Length);
        return verifier.VerifySignature(Convert.FromBase64String(signature));
    }
}
