namespace ZenWebsocket.Deribit;

/// <summary>An error Deribit returned that is neither an authentication nor a rate-limit error; carries the code.</summary>
public sealed class DeribitException : ZenExchangeException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="code">Deribit's error code (A.9), e.g. 10004 <c>order_not_found</c>.</param>
    /// <param name="exchangeMessage">Deribit's error message.</param>
    /// <param name="data">The optional <c>error.data</c> JSON.</param>
    public DeribitException(long code, string exchangeMessage, string? data = null)
        : base(code, exchangeMessage, data)
    {
    }

    /// <summary>Gets whether the error is one Deribit asks to retry later (10040 retry, 10041 settlement, 10047 queue full,
    /// 10066 too many concurrent requests, 11051 maintenance, 13028 temporarily unavailable).</summary>
    public override bool IsTransient => Code is 10040 or 10041 or 10047 or 10066 or 11051 or 13028;
}
