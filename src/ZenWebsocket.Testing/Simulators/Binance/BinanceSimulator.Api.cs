namespace ZenWebsocket.Testing.Simulators.Binance;

public sealed partial class BinanceSimulator
{
    /// <summary>Every order the matching engine knows (open and closed), oldest first, a snapshot.</summary>
    /// <param name="symbol">Only this symbol (upper case); <see langword="null"/> (default) for all.</param>
    /// <returns>The orders.</returns>
    public IReadOnlyList<BinanceSimOrder> Orders(string? symbol = null) => _api.Orders(symbol);

    /// <summary>The free balance of an asset.</summary>
    /// <param name="asset">E.g. <c>USDT</c>.</param>
    /// <param name="account">The account name. Default <c>"default"</c>.</param>
    /// <returns>The free amount (0 for an asset never held).</returns>
    /// <exception cref="ArgumentException">No such account.</exception>
    public decimal Balance(string asset, string account = BinanceSimAccount.DefaultName) => _api.Balance(asset, account);

    /// <summary>The locked balance of an asset (held by resting orders).</summary>
    /// <param name="asset">E.g. <c>USDT</c>.</param>
    /// <param name="account">The account name. Default <c>"default"</c>.</param>
    /// <returns>The locked amount.</returns>
    /// <exception cref="ArgumentException">No such account.</exception>
    public decimal LockedBalance(string asset, string account = BinanceSimAccount.DefaultName) => _api.LockedBalance(asset, account);

    /// <summary>How many WebSocket API requests of <paramref name="method"/> arrived (refused ones included).</summary>
    /// <param name="method">E.g. <c>order.place</c> (a <c>v3/</c> prefix is not part of the name).</param>
    /// <returns>The count, 0 when never.</returns>
    public long ApiRequestsReceived(string method) => _api.RequestsReceived(method);

    /// <summary>Waits until <paramref name="method"/> has arrived at least <paramref name="count"/> times in total.</summary>
    /// <param name="method">E.g. <c>order.place</c>.</param>
    /// <param name="count">The total to wait for.</param>
    /// <param name="cancellationToken">Stops the wait; bound it, e.g. with a timeout token.</param>
    /// <returns>Completes when reached.</returns>
    public Task WaitForApiRequestsAsync(string method, int count, CancellationToken cancellationToken = default) =>
        _api.WaitForRequestsAsync(method, count, cancellationToken);

    /// <summary>
    /// The next <paramref name="count"/> requests of <paramref name="method"/> are executed (an order is placed) but
    /// not answered: their connection is cut instead (TCP dropped, no close frame, nothing more sent), so the client
    /// cannot know the outcome.
    /// </summary>
    /// <param name="method">E.g. <c>order.place</c>.</param>
    /// <param name="count">How many requests. Default 1.</param>
    public void DropApiConnectionAfterExecuting(string method, int count = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _api.DropAfterExecuting(method, count);
    }

    /// <summary>
    /// The next <paramref name="count"/> requests of <paramref name="method"/> answer with this error instead of their
    /// result. With <paramref name="execute"/> they are carried out first, as when Binance answers
    /// <c>-1007</c> "Timeout waiting for response from backend server. Send status unknown; execution status unknown."
    /// after the order reached the matching engine.
    /// </summary>
    /// <param name="method">E.g. <c>order.place</c>.</param>
    /// <param name="status">The envelope status, e.g. 400, 408 or 503.</param>
    /// <param name="code">The Binance error code, e.g. -1007 or -1008.</param>
    /// <param name="message">The error message.</param>
    /// <param name="execute">Execute the request before answering with the error. Default <see langword="false"/>.</param>
    /// <param name="count">How many requests. Default 1.</param>
    public void InjectApiError(string method, int status, int code, string message, bool execute = false, int count = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _api.InjectError(method, new ApiInjectedError(status, code, message, execute), count);
    }

    /// <summary>
    /// Invalidates an API key: explicit use gets -2015; the next request on a session logged on with it gets
    /// <c>{"id":null,"status":401,"error":{"code":-2015,...}}</c> and the session is logged out (B.6.2).
    /// </summary>
    /// <param name="apiKey">The key id.</param>
    /// <exception cref="ArgumentException">No account has the key.</exception>
    public void RevokeApiKey(string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _api.RevokeKey(apiKey);
    }

    /// <summary>Credits an asset: subscribers of the account get <c>balanceUpdate</c> then <c>outboundAccountPosition</c>.</summary>
    /// <param name="asset">E.g. <c>USDT</c>.</param>
    /// <param name="amount">The amount (may be negative for a withdrawal).</param>
    /// <param name="account">The account name. Default <c>"default"</c>.</param>
    /// <exception cref="ArgumentException">No such account.</exception>
    public void Deposit(string asset, decimal amount, string account = BinanceSimAccount.DefaultName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(asset);
        _api.Deposit(asset, amount, account);
    }

    /// <summary>Fills every resting order of <paramref name="symbol"/> at its own price (executionReport TRADE, then the account position).</summary>
    /// <param name="symbol">Upper-case symbol, e.g. <c>BTCUSDT</c>.</param>
    public void FillOpenOrders(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        _api.FillOpenOrders(symbol);
    }
}
