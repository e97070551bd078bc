namespace ZenWebsocket;

/// <summary>The exchange answered a request with an application error (a JSON-RPC error, a Binance error status).</summary>
public class ZenExchangeException : ZenWebSocketException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The exchange's error code.</param>
    /// <param name="exchangeMessage">The exchange's error text.</param>
    /// <param name="data">The raw JSON of any extra error data, if present.</param>
    public ZenExchangeException(long code, string exchangeMessage, string? data = null)
        : base($"The exchange returned error {code}: {exchangeMessage}")
    {
        Code = code;
        ExchangeMessage = exchangeMessage;
        ErrorData = data;
    }

    /// <summary>Gets the exchange's error code.</summary>
    public long Code { get; }

    /// <summary>Gets the exchange's error text.</summary>
    public string ExchangeMessage { get; }

    /// <summary>Gets the raw JSON of the error's extra data, if any.</summary>
    public string? ErrorData { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Exchange;

    /// <inheritdoc />
    public override bool IsTransient => false;

    /// <inheritdoc />
    public override string Explain() =>
        $"The exchange rejected the request with code {Code} ({ExchangeMessage}). Look the code up in the venue's error table; the request was received, so do not blindly resend it.";
}
