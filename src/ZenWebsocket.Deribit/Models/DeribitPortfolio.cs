namespace ZenWebsocket.Deribit;

/// <summary>An account summary (<c>user.portfolio.{currency}</c> and <c>private/get_account_summary</c>) (A.6.3).</summary>
public sealed record DeribitPortfolio
{
    /// <summary>Gets the currency.</summary>
    public string Currency { get; init; } = "";

    /// <summary>Gets the balance.</summary>
    public decimal Balance { get; init; }

    /// <summary>Gets the equity.</summary>
    public decimal Equity { get; init; }

    /// <summary>Gets the available funds.</summary>
    public decimal AvailableFunds { get; init; }

    /// <summary>Gets the funds available to withdraw.</summary>
    public decimal AvailableWithdrawalFunds { get; init; }

    /// <summary>Gets the margin balance.</summary>
    public decimal MarginBalance { get; init; }

    /// <summary>Gets the initial margin.</summary>
    public decimal InitialMargin { get; init; }

    /// <summary>Gets the maintenance margin.</summary>
    public decimal MaintenanceMargin { get; init; }

    /// <summary>Gets the session unrealised profit and loss.</summary>
    public decimal SessionUpl { get; init; }

    /// <summary>Gets the session realised profit and loss.</summary>
    public decimal SessionRpl { get; init; }

    /// <summary>Gets the total profit and loss.</summary>
    public decimal TotalPl { get; init; }

    /// <summary>Gets the total delta.</summary>
    public decimal DeltaTotal { get; init; }
}
