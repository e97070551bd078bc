namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>A simulated Spot account: its starting balances and the API keys that act for it.</summary>
/// <param name="Name">The account name, unique among the simulator's accounts (e.g. <c>default</c>).</param>
/// <param name="Balances">Starting free balance per asset.</param>
/// <param name="Keys">The API keys of the account.</param>
public sealed record BinanceSimAccount(string Name, IReadOnlyDictionary<string, decimal> Balances, IReadOnlyList<BinanceSimApiKey> Keys)
{
    /// <summary>The name of <see cref="Default"/>: <c>"default"</c>.</summary>
    public const string DefaultName = "default";

    /// <summary>
    /// Gets the default account <c>default</c>: USDT 100,000, BTC 2, ETH 20, BNB 100, with the well-known keys of
    /// <see cref="BinanceSimKeys"/> (HMAC, Ed25519 and RSA with trade permission, and a read-only HMAC key).
    /// </summary>
    public static BinanceSimAccount Default { get; } = new(
        DefaultName,
        new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["USDT"] = 100_000m,
            ["BTC"] = 2m,
            ["ETH"] = 20m,
            ["BNB"] = 100m,
        },
        [
            new BinanceSimApiKey(BinanceSimKeys.HmacApiKey, BinanceSimKeyType.Hmac, BinanceSimKeys.HmacSecret),
            new BinanceSimApiKey(BinanceSimKeys.Ed25519ApiKey, BinanceSimKeyType.Ed25519, BinanceSimKeys.Ed25519PublicKeyPem),
            new BinanceSimApiKey(BinanceSimKeys.RsaApiKey, BinanceSimKeyType.Rsa, BinanceSimKeys.RsaPublicKeyPem),
            new BinanceSimApiKey(BinanceSimKeys.ReadOnlyApiKey, BinanceSimKeyType.Hmac, BinanceSimKeys.ReadOnlySecret, CanTrade: false),
        ]);

    /// <summary>Redacts the keys' secrets.</summary>
    /// <returns>The name, the assets and the key ids.</returns>
    public override string ToString() =>
        $"BinanceSimAccount {{ Name = {Name}, Assets = [{string.Join(", ", Balances.Keys)}], Keys = [{string.Join(", ", Keys.Select(k => k.ApiKey))}] }}";
}
