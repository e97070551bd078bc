namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>Settings of the simulator's WebSocket API (<c>/ws-api/v3</c>): accounts, keys, limits.</summary>
public sealed record BinanceApiOptions
{
    /// <summary>Gets the accounts and their keys. Default one account, <see cref="BinanceSimAccount.Default"/>.</summary>
    public IReadOnlyList<BinanceSimAccount> Accounts { get; init; } = [BinanceSimAccount.Default];

    /// <summary>Gets the largest <c>recvWindow</c> accepted, in milliseconds. Default 60,000, as Binance.</summary>
    public int MaxRecvWindowMs { get; init; } = 60_000;

    /// <summary>Gets the REQUEST_WEIGHT limit per IP per calendar minute. Default 6,000.</summary>
    public int RequestWeightPerMinute { get; init; } = 6_000;

    /// <summary>Gets the ORDERS limit per account per 10-second bucket. Default 50.</summary>
    public int OrdersPer10Seconds { get; init; } = 50;

    /// <summary>Gets the ORDERS limit per account per UTC day. Default 160,000.</summary>
    public int OrdersPerDay { get; init; } = 160_000;

    /// <summary>
    /// Gets how many request-weight violations (429) an IP may commit; the next one bans it (418) for
    /// <see cref="BanDuration"/> and drops its connections. 0 never bans. Default 3.
    /// </summary>
    public int ViolationsBeforeBan { get; init; } = 3;

    /// <summary>Gets how long an IP ban lasts. Default 2 minutes (Binance's shortest).</summary>
    public TimeSpan BanDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Throws when a value is out of range, naming the option.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Accounts, "BinanceApiOptions.Accounts");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxRecvWindowMs, "BinanceApiOptions.MaxRecvWindowMs");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RequestWeightPerMinute, "BinanceApiOptions.RequestWeightPerMinute");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(OrdersPer10Seconds, "BinanceApiOptions.OrdersPer10Seconds");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(OrdersPerDay, "BinanceApiOptions.OrdersPerDay");
        ArgumentOutOfRangeException.ThrowIfNegative(ViolationsBeforeBan, "BinanceApiOptions.ViolationsBeforeBan");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BanDuration, TimeSpan.Zero, "BinanceApiOptions.BanDuration");
        var names = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var account in Accounts)
        {
            if (account is null || string.IsNullOrWhiteSpace(account.Name) || account.Balances is null || account.Keys is null)
            {
                throw new ArgumentException("Every account needs a name, balances and keys.", "BinanceApiOptions.Accounts");
            }

            if (!names.Add(account.Name))
            {
                throw new ArgumentException($"Account name '{account.Name}' appears twice.", "BinanceApiOptions.Accounts");
            }

            foreach (var key in account.Keys)
            {
                if (key is null || string.IsNullOrWhiteSpace(key.ApiKey) || string.IsNullOrEmpty(key.Secret) || !keys.Add(key.ApiKey))
                {
                    throw new ArgumentException($"Account '{account.Name}' has an empty or duplicate API key.", "BinanceApiOptions.Accounts");
                }
            }
        }
    }
}
