namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>One API key's money: balances, positions and P&amp;L per currency. Mutated only under the exchange lock.</summary>
internal sealed class AccountState(DeribitAccount account, long id)
{
    public DeribitAccount Account { get; } = account;

    public long Id { get; } = id;

    public string ClientId => Account.ClientId;

    public Dictionary<string, decimal> Balances { get; } = new(account.Balances, StringComparer.Ordinal);

    public Dictionary<string, Position> Positions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, decimal> SessionRpl { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, decimal> Fees { get; } = new(StringComparer.Ordinal);

    /// <summary>Account-scope cancel-on-disconnect: connections that authenticate later start with COD on.</summary>
    public bool CancelOnDisconnect { get; set; }

    public Position PositionOf(InstrumentState instrument)
    {
        if (!Positions.TryGetValue(instrument.Name, out var position))
        {
            position = new Position(instrument);
            Positions[instrument.Name] = position;
        }

        return position;
    }

    public decimal Balance(string currency) => Balances.GetValueOrDefault(currency);

    public static void Add(Dictionary<string, decimal> map, string currency, decimal amount) =>
        map[currency] = map.GetValueOrDefault(currency) + amount;
}
