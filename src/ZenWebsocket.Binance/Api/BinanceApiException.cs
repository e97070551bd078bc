namespace ZenWebsocket.Binance;

/// <summary>
/// An error the Binance WebSocket API returned (B.9) that is neither a credential nor a rate-limit refusal: an order
/// rejected (-2010), a cancel rejected (-2011), no such order (-2013), a timestamp outside the receive window (-1021),
/// a bad parameter (-1100..-1106), an outcome the server could not confirm (5xx, -1007).
/// </summary>
public sealed class BinanceApiException : ZenExchangeException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="code">Binance's error code, e.g. -2010.</param>
    /// <param name="exchangeMessage">Binance's <c>msg</c>.</param>
    /// <param name="data">The raw <c>error.data</c> JSON, if any.</param>
    /// <param name="status">The response <c>status</c> (400, 403, 409, 5xx ...), if any.</param>
    public BinanceApiException(long code, string exchangeMessage, string? data = null, int? status = null)
        : base(code, exchangeMessage, data)
    {
        Status = status;
    }

    /// <summary>Gets the response <c>status</c>, if the answer had one.</summary>
    public int? Status { get; }

    /// <summary>Gets Binance's name of the code (<c>INVALID_TIMESTAMP</c>, <c>NEW_ORDER_REJECTED</c> ...), or
    /// <see langword="null"/> for a code not in the table.</summary>
    public string? CodeName => BinanceErrors.NameOf(Code);

    /// <summary>Gets whether the server could not say whether the request was executed (status 5xx, or -1007
    /// TIMEOUT): an order may have been placed; reconcile it by its client order id.</summary>
    public bool OutcomeUnknown => Status >= 500 || Code == BinanceErrors.Timeout;

    /// <summary>Gets whether the request's timestamp was outside the receive window (-1021): the local clock is off,
    /// or the request waited too long before it was sent.</summary>
    public bool IsTimestampRejected => Code == BinanceErrors.InvalidTimestamp;

    /// <summary>Gets whether retrying later may succeed (-1008 server busy, -1007 timeout on a query, 5xx).</summary>
    public override bool IsTransient => Code == BinanceErrors.ServerBusy || OutcomeUnknown;

    /// <inheritdoc />
    public override string Explain() => Code switch
    {
        BinanceErrors.InvalidTimestamp => $"Binance rejected the request's timestamp ({Code} {ExchangeMessage}). The local clock differs from the server's by more than the receive window allows: keep BinanceApiClientOptions.ClockSync on (it measures the offset on every connect), or widen RecvWindow.",
        _ when OutcomeUnknown => $"Binance could not confirm the request ({Code} {ExchangeMessage}, status {Status}): it may have been executed. Reconcile an order by its client order id (BinanceApiClient.ReconcileOrderAsync) before placing it again.",
        _ => $"Binance answered {Code}{(CodeName is { } name ? " " + name : "")}: {ExchangeMessage}",
    };
}
