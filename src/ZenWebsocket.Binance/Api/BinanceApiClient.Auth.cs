namespace ZenWebsocket.Binance;

public sealed partial class BinanceApiClient
{
    private int _loggedOn;

    /// <summary>Gets whether the current connection is logged on with <c>session.logon</c> (an Ed25519 key), so
    /// signed requests carry only their timestamp.</summary>
    public bool IsLoggedOn => Volatile.Read(ref _loggedOn) != 0;

    /// <summary>Gets whether the connection logs on: Ed25519 credentials and <see cref="BinanceApiClientOptions.SessionLogon"/>.</summary>
    public bool UsesSessionLogon => _sessionLogon && _credentials is { CanLogOn: true };

    /// <summary>Returns the connection's authentication (<c>session.status</c>, weight 2).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The session status.</returns>
    public Task<BinanceSessionStatus> GetSessionStatusAsync(CancellationToken cancellationToken = default) =>
        RequestAsync("session.status", RpcParams.None, BinanceApiJson.Default.BinanceSessionStatus, s_query, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Measures the clock offset (<c>time</c>) first, so the logon's timestamp and every later one are on the
    /// server's clock; then logs on with an Ed25519 key. A refused key (-2015, -1022) stops the client.</remarks>
    protected override async Task AuthenticateAsync(AdapterSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        Volatile.Write(ref _loggedOn, 0);
        if (_clockSync)
        {
            await MeasureOffsetAsync(session, cancellationToken).ConfigureAwait(false);
            ArmClockSync();
        }

        if (!UsesSessionLogon)
        {
            return;
        }

        // The logon is signed over apiKey and timestamp (and recvWindow) like any request (B.6.2).
        var status = await session.RequestAsync("session.logon", SignedParams(null, forceSignature: true), BinanceApiJson.Default.BinanceSessionStatus, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (status.ApiKey is null)
        {
            throw new ZenAuthenticationException("Binance answered session.logon without an API key: the session is not logged on.");
        }

        Volatile.Write(ref _loggedOn, 1);
        Log.ApiLoggedOn(_logger, _credentials!.KeyType);
    }
}
