namespace ZenWebsocket;

/// <summary>The steps of the ordered path an adapter runs on every connect, first or not, in this order.</summary>
public enum AdapterStep
{
    /// <summary>A new client opens the WebSocket (TCP, TLS, upgrade).</summary>
    Connect,

    /// <summary><see cref="ExchangeAdapter.AuthenticateAsync"/> runs on the new connection.</summary>
    Authenticate,

    /// <summary>Every wanted topic is subscribed again, in confirmed batches.</summary>
    RestoreSubscriptions,

    /// <summary><see cref="ExchangeAdapter.ResumeAsync"/> runs (cancel-on-disconnect, open-order reconciliation).</summary>
    Resume,
}
