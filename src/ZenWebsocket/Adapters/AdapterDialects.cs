namespace ZenWebsocket;

/// <summary>The venue's protocol as an adapter declares it in <see cref="ExchangeAdapter.CreateDialects"/>.</summary>
/// <param name="Rpc">How requests are written and responses recognised (JSON-RPC 2.0, Binance's id/status).</param>
/// <param name="Subscriptions">How topics are subscribed and routed; <see langword="null"/> when the venue has no subscriptions.</param>
/// <param name="ErrorMapper">Maps an exchange error to an exception: map the venue's authentication codes to
/// <see cref="ZenAuthenticationException"/> (the adapter then stops instead of looping) and its rate-limit codes to
/// <see cref="ZenRateLimitedException"/>. <see langword="null"/>: every error is a <see cref="ZenExchangeException"/>.</param>
public sealed record AdapterDialects(
    IRpcDialect Rpc,
    ISubscriptionDialect? Subscriptions = null,
    Func<RpcError, ZenWebSocketException>? ErrorMapper = null);
