namespace ZenWebsocket.Binance.Tests.Signing;

public sealed class BinanceCredentialsTests
{
    [Fact]
    public void ToString_shows_the_key_type_and_a_shortened_api_key_but_never_the_secret()
    {
        var credentials = BinanceCredentials.Hmac("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A", "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j");

        var text = credentials.ToString();

        Assert.Contains("Hmac", text, StringComparison.Ordinal);
        Assert.Contains("vmPU", text, StringComparison.Ordinal);
        Assert.DoesNotContain("NhqPtmdSJYdKjVHj", text, StringComparison.Ordinal);
        Assert.DoesNotContain("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A", text, StringComparison.Ordinal);
        Assert.DoesNotContain("NhqPtmd", new BinanceApiClientOptions { Credentials = credentials }.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_Ed25519_key_is_refused_at_construction_without_quoting_it()
    {
        var error = Assert.Throws<ArgumentException>(() => BinanceCredentials.Ed25519("key", "-----BEGIN PRIVATE KEY-----\nbm90LWEta2V5LXNlY3JldA==\n-----END PRIVATE KEY-----"));

        Assert.Contains("Ed25519", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("bm90LWEta2V5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_seed_of_the_wrong_length_and_an_encrypted_key_are_refused_with_clear_messages()
    {
        Assert.Contains("32-byte seed", Assert.Throws<ArgumentException>(() => BinanceCredentials.Ed25519("key", Convert.ToBase64String(new byte[16]))).Message, StringComparison.Ordinal);
        Assert.Contains("encrypted", Assert.Throws<ArgumentException>(() => BinanceCredentials.Ed25519("key", "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_keys_and_an_RSA_key_that_is_not_one_are_refused()
    {
        Assert.Throws<ArgumentException>(() => BinanceCredentials.Hmac("", "secret"));
        Assert.Throws<ArgumentException>(() => BinanceCredentials.Hmac("key", " "));
        Assert.Throws<ArgumentException>(() => BinanceCredentials.Hmac("a key", "secret"));
        Assert.Throws<ArgumentException>(() => BinanceCredentials.Rsa("key", "not a pem"));
    }

    [Fact]
    public void Only_Ed25519_keys_can_log_a_session_on()
    {
        var (pem, _, _) = BinanceSignerTests.NewEd25519Key();

        Assert.True(BinanceCredentials.Ed25519("key", pem).CanLogOn);
        Assert.False(BinanceCredentials.Hmac("key", "secret").CanLogOn);
    }
}
