namespace ZenWebsocket;

public abstract partial class ExchangeAdapter
{
    /// <summary>Declares the venue's protocol: its request dialect, its subscription dialect (if it has
    /// subscriptions) and the mapping of its error codes. Called once, on the loop, before the first connect.</summary>
    /// <returns>The dialects.</returns>
    protected abstract AdapterDialects CreateDialects();

    /// <summary>
    /// Shapes the options of each new client (heartbeat, headers, timeouts). Whatever it returns, the adapter then
    /// turns the client's reconnection off, makes sends fail fast while disconnected and sets the adapter's clock:
    /// reconnecting is the adapter's job alone.
    /// </summary>
    /// <param name="options">Defaults carrying the adapter's clock and logger factory.</param>
    /// <returns>The options for the client.</returns>
    protected virtual ZenClientOptions ConfigureClient(ZenClientOptions options) => options;

    /// <summary>
    /// Authenticates a new connection, before any subscription is restored (private channels need it). Runs on every
    /// connect, the first one included. Throw <see cref="ZenAuthenticationException"/> (or map the venue's code to it
    /// in <see cref="AdapterDialects.ErrorMapper"/>) when credentials are refused: the adapter then stops and
    /// surfaces the error instead of reconnecting in a loop. A transient error closes the connection and backs off.
    /// </summary>
    /// <param name="session">The new connection.</param>
    /// <param name="cancellationToken">Cancelled when the adapter stops.</param>
    /// <returns>A task that completes when authenticated.</returns>
    protected virtual Task AuthenticateAsync(AdapterSession session, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Resumes operations once subscriptions are back: re-enable cancel-on-disconnect, reconcile open orders, refresh
    /// snapshots. Runs on every connect, the first one included, before user calls are let through. A transient
    /// failure closes the connection and backs off; anything else stops the adapter.
    /// </summary>
    /// <param name="session">The connection, authenticated and with its subscriptions restored.</param>
    /// <param name="cancellationToken">Cancelled when the adapter stops.</param>
    /// <returns>A task that completes when operations can resume.</returns>
    protected virtual Task ResumeAsync(AdapterSession session, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Receives the messages no request, subscription or heartbeat consumed (private notices, venue announcements).
    /// Runs on the connection's message pump, not on the loop: keep it short, and hand work elsewhere. A throw is
    /// logged and the pump carries on.
    /// </summary>
    /// <param name="session">The connection the message came on.</param>
    /// <param name="message">The message.</param>
    protected virtual void OnMessage(AdapterSession session, ZenMessage message)
    {
    }

    /// <summary>
    /// Raises one of the venue's own events the way the adapter raises <see cref="StateChanged"/>: on the adapter's
    /// event worker, in order with its other events, never on the caller's thread (a slow or throwing handler stalls
    /// neither the message pump nor the loop, and may call the public API). Nothing is raised once the adapter is disposed.
    /// </summary>
    /// <typeparam name="TArgs">The event's argument type.</typeparam>
    /// <param name="name">The event's name, for the log when a handler throws.</param>
    /// <param name="handler">The event's handlers as they are now; <see langword="null"/> raises nothing.</param>
    /// <param name="args">The argument.</param>
    protected void RaiseEvent<TArgs>(string name, EventHandler<TArgs>? handler, TArgs args)
    {
        if (handler is not null)
        {
            _events.Publish(name, () => handler(this, args));
        }
    }
}
