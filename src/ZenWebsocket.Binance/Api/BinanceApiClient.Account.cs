namespace ZenWebsocket.Binance;

public sealed partial class BinanceApiClient
{
    /// <summary>Gets the account: permissions and balances (<c>account.status</c>, USER_DATA, weight 20).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The account.</returns>
    public Task<BinanceAccount> GetAccountAsync(CancellationToken cancellationToken = default) =>
        RequestAsync("account.status", SignedParams(null), BinanceApiJson.Default.BinanceAccount, s_query, cancellationToken);

    /// <summary>Gets the server time (<c>time</c>, weight 1); does not change <see cref="ClockOffset"/>.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The server time.</returns>
    public async Task<DateTimeOffset> GetServerTimeAsync(CancellationToken cancellationToken = default)
    {
        var time = await RequestAsync("time", RpcParams.None, BinanceApiJson.Default.BinanceServerTime, s_query, cancellationToken).ConfigureAwait(false);
        return DateTimeOffset.FromUnixTimeMilliseconds(time.ServerTime);
    }

    /// <summary>Checks the connection (<c>ping</c>, weight 1).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when Binance answered.</returns>
    public Task PingAsync(CancellationToken cancellationToken = default) =>
        RequestRawAsync("ping", RpcParams.None, s_query, cancellationToken);

    /// <summary>
    /// Subscribes to the account's user data stream (B.6.4): <c>userDataStream.subscribe</c> on a logged-on
    /// (Ed25519) session, <c>userDataStream.subscribe.signature</c> otherwise. The stream survives reconnects: it is
    /// subscribed again after the logon, with Reconnecting and Restored markers. Returns at once when the client is
    /// not connected yet (the next connect subscribes).
    /// </summary>
    /// <param name="options">Queue settings of the stream.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The subscription; dispose it to unsubscribe.</returns>
    /// <exception cref="InvalidOperationException">No credentials were given.</exception>
    public async Task<BinanceUserDataSubscription> SubscribeUserDataAsync(SubscribeOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (_credentials is null)
        {
            throw new InvalidOperationException("The user data stream needs an account: set BinanceApiClientOptions.Credentials.");
        }

        var inner = await SubscribeAsync(BinanceUserDataDialect.Topic, options, cancellationToken).ConfigureAwait(false);
        return new BinanceUserDataSubscription(inner);
    }
}
