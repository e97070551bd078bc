using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>The account as <c>account.status</c> reports it.</summary>
public sealed record BinanceAccount
{
    /// <summary>Gets whether the account may trade.</summary>
    [JsonPropertyName("canTrade")]
    public bool CanTrade { get; init; }

    /// <summary>Gets whether the account may withdraw.</summary>
    [JsonPropertyName("canWithdraw")]
    public bool CanWithdraw { get; init; }

    /// <summary>Gets whether the account may deposit.</summary>
    [JsonPropertyName("canDeposit")]
    public bool CanDeposit { get; init; }

    /// <summary>Gets the account type, e.g. <c>SPOT</c>.</summary>
    [JsonPropertyName("accountType")]
    public string? AccountType { get; init; }

    /// <summary>Gets when the account last changed, ms since the Unix epoch.</summary>
    [JsonPropertyName("updateTime")]
    public long UpdateTime { get; init; }

    /// <summary>Gets the user id.</summary>
    [JsonPropertyName("uid")]
    public long? Uid { get; init; }

    /// <summary>Gets the balances.</summary>
    [JsonPropertyName("balances")]
    public IReadOnlyList<BinanceBalance> Balances { get; init; } = [];

    /// <summary>Gets the permissions, e.g. <c>SPOT</c>.</summary>
    [JsonPropertyName("permissions")]
    public IReadOnlyList<string> Permissions { get; init; } = [];

    /// <summary>Returns the balance of an asset, or <see langword="null"/> when the account has none.</summary>
    /// <param name="asset">The asset, e.g. <c>USDT</c>.</param>
    /// <returns>The balance.</returns>
    public BinanceBalance? GetBalance(string asset) => Balances.FirstOrDefault(b => string.Equals(b.Asset, asset, StringComparison.Ordinal));
}
