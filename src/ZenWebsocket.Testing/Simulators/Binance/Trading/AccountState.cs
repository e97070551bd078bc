namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>Balances of one simulated account (free and locked per asset). Guarded by the engine's lock.</summary>
internal sealed class AccountState(BinanceSimAccount account, int uid)
{
    private readonly SortedDictionary<string, AssetBalance> _balances = new(
        account.Balances.ToDictionary(b => b.Key, b => new AssetBalance { Free = b.Value }, StringComparer.Ordinal),
        StringComparer.Ordinal);

    public string Name => account.Name;

    public int Uid => uid;

    public long UpdateTime { get; set; }

    public IEnumerable<KeyValuePair<string, AssetBalance>> Balances => _balances;

    public AssetBalance Get(string asset)
    {
        if (!_balances.TryGetValue(asset, out var balance))
        {
            balance = new AssetBalance();
            _balances[asset] = balance;
        }

        return balance;
    }

    public decimal Free(string asset) => _balances.TryGetValue(asset, out var balance) ? balance.Free : 0m;
}

/// <summary>Free and locked amount of one asset.</summary>
internal sealed class AssetBalance
{
    public decimal Free { get; set; }

    public decimal Locked { get; set; }
}
