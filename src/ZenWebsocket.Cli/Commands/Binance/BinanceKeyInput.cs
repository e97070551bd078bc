namespace ZenWebsocket.Cli.Commands;

/// <summary>The API key a <c>zenws binance order</c> command runs with: options first, then environment variables.</summary>
/// <param name="ApiKey">The API key.</param>
/// <param name="Secret">The HMAC secret, or null for an Ed25519 key.</param>
/// <param name="PrivateKeyPem">The Ed25519 private key PEM, or null for an HMAC key.</param>
internal sealed record BinanceKeyInput(string? ApiKey, string? Secret, string? PrivateKeyPem)
{
    /// <summary>Returns a description; secrets are never shown.</summary>
    /// <returns>The key and which kind it is.</returns>
    public override string ToString() => $"BinanceKeyInput {{ ApiKey = {ApiKey ?? "none"}, Secret = ***, PrivateKey = *** }}";

    /// <summary>Resolves the key from the options and the environment and reads the private key file.</summary>
    /// <returns>The key, or a one-line problem (both a secret and a key file; an unreadable file).</returns>
    internal static (BinanceKeyInput Key, string? Problem) Resolve(string? apiKey, string? secret, string? privateKeyFile, Func<string, string?> environment)
    {
        static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
        var key = NonEmpty(apiKey) ?? NonEmpty(environment(BinanceCommand.ApiKeyVariable));
        var hmac = NonEmpty(secret) ?? NonEmpty(environment(BinanceCommand.SecretVariable));
        var file = NonEmpty(privateKeyFile) ?? NonEmpty(environment(BinanceCommand.PrivateKeyFileVariable));
        if (hmac is not null && file is not null)
        {
            return (new BinanceKeyInput(key, null, null), "give either an HMAC secret or an Ed25519 private key file, not both.");
        }

        if (file is null)
        {
            return (new BinanceKeyInput(key, hmac, null), null);
        }

        try
        {
            return (new BinanceKeyInput(key, null, File.ReadAllText(file)), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return (new BinanceKeyInput(key, null, null), $"cannot read the private key file '{file}': {ex.Message}");
        }
    }
}
