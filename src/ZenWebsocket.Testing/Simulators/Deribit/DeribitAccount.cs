namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>An API key of the simulated exchange: what <c>public/auth</c> accepts and what the account starts with.</summary>
public sealed record DeribitAccount
{
    /// <summary>The client id of the default test account: <c>"sim-client"</c>.</summary>
    public const string DefaultClientId = "sim-client";

    /// <summary>The client secret of the default test account: <c>"sim-secret"</c>.</summary>
    public const string DefaultClientSecret = "sim-secret";

    /// <summary>The scopes an API key gets when it does not say: full trade, wallet and account access.</summary>
    public const string FullScopes = "trade:read_write wallet:read_write account:read_write block_trade:read_write";

    /// <summary>Creates an account.</summary>
    /// <param name="clientId">The API key's client id.</param>
    /// <param name="clientSecret">The API key's secret (the HMAC key for <c>client_signature</c>).</param>
    public DeribitAccount(string clientId, string clientSecret)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    /// <summary>The default test account, <see cref="DefaultClientId"/> / <see cref="DefaultClientSecret"/>, full scopes.</summary>
    public static DeribitAccount Default { get; } = new(DefaultClientId, DefaultClientSecret);

    /// <summary>The API key's client id; unique among the simulator's accounts.</summary>
    public string ClientId { get; init; }

    /// <summary>The API key's secret.</summary>
    public string ClientSecret { get; init; }

    /// <summary>
    /// The highest scopes this key may be granted, space separated (<c>trade:read_write</c>, <c>wallet:read</c>, ...).
    /// A requested scope above these is lowered to them. Default <see cref="FullScopes"/>.
    /// </summary>
    public string Scopes { get; init; } = FullScopes;

    /// <summary>Starting balance per currency (BTC, ETH, USDC, ...). Default 10 BTC, 100 ETH, 100 000 USDC.</summary>
    public IReadOnlyDictionary<string, decimal> Balances { get; init; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["BTC"] = 10m,
        ["ETH"] = 100m,
        ["USDC"] = 100_000m,
    };

    /// <summary>Redacts the secret, so a logged options record never leaks it.</summary>
    /// <returns>The client id and scopes only.</returns>
    public override string ToString() => $"DeribitAccount {{ ClientId = {ClientId}, Scopes = {Scopes}, ClientSecret = *** }}";
}
