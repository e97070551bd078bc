using System.Net.WebSockets;
using System.Text.Json.Serialization.Metadata;

namespace ZenWebsocket;

/// <summary>
/// One connection of an <see cref="ExchangeAdapter"/>: a fresh client with its own request correlator and
/// subscription manager. The adapter hands it to its hooks; when the connection is lost the whole session is thrown
/// away and the next connect builds a new one, so nothing of a dead connection (pending ids, timers, routing) can
/// touch the next.
/// </summary>
/// <remarks>Hooks use the session, never the adapter's public calls: those wait for the hook to finish.</remarks>
public sealed class AdapterSession
{
    private Task _pump = Task.CompletedTask;

    internal AdapterSession(ZenClient client, RequestCorrelatorOptions requests, ISubscriptionDialect? dialect, SubscriptionManagerOptions subscriptions, int attempt, bool isReconnect)
    {
        Client = client;
        Requests = new RequestCorrelator(client, requests);
        Subscriptions = dialect is null ? null : new SubscriptionManager(Requests, dialect, subscriptions);
        Attempt = attempt;
        IsReconnect = isReconnect;
    }

    /// <summary>Gets the client of this connection (its own reconnection is off).</summary>
    public ZenClient Client { get; }

    /// <summary>Gets the request correlator of this connection.</summary>
    public RequestCorrelator Requests { get; }

    /// <summary>Gets the subscription manager of this connection; <see langword="null"/> when the venue has no
    /// subscription dialect.</summary>
    public SubscriptionManager? Subscriptions { get; }

    /// <summary>Gets the attempt of the ordered path that built this session (1-based).</summary>
    public int Attempt { get; }

    /// <summary>Gets whether this session replaces a lost one (the first start is not a reconnect).</summary>
    public bool IsReconnect { get; }

    /// <summary>Sends a request on this connection and returns its raw result.</summary>
    /// <param name="method">The method.</param>
    /// <param name="parameters">The params.</param>
    /// <param name="options">Per-request settings.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The response.</returns>
    public Task<RpcResponse> RequestRawAsync(string method, RpcParams parameters, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Requests.RequestRawAsync(method, parameters, options, cancellationToken);

    /// <summary>Sends a request on this connection and returns its typed result.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="method">The method.</param>
    /// <param name="parameters">The params.</param>
    /// <param name="resultType">Source-generated metadata of the result.</param>
    /// <param name="options">Per-request settings.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The result.</returns>
    public Task<TResult> RequestAsync<TResult>(string method, RpcParams parameters, JsonTypeInfo<TResult> resultType, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Requests.RequestAsync(method, parameters, resultType, options, cancellationToken);

    /// <summary>Reads, until the connection ends, the messages no correlator, router or heartbeat consumed, so the
    /// client's queue never fills (its backpressure would stall the receive loop).</summary>
    internal void StartMessagePump(Action<AdapterSession, ZenMessage> handle)
    {
        // The pump outlives the loop command that starts it: it must not carry the loop's flow mark, so OnMessage
        // code may call the adapter's public API (the call queues like anyone's).
        using (ExecutionContext.SuppressFlow())
        {
            _pump = Task.Run(async () =>
            {
                await foreach (var message in Client.ReadMessagesAsync().ConfigureAwait(false))
                {
                    handle(this, message);
                }
            });
        }
    }

    /// <summary>Closes the connection (with a close handshake when <paramref name="graceful"/>) and detaches its layers.</summary>
    internal async Task CloseAsync(bool graceful)
    {
        if (graceful && Client.State == ConnectionState.Connected)
        {
            await Client.CloseAsync(WebSocketCloseStatus.NormalClosure, "adapter stopped").ConfigureAwait(false);
        }

        // Disposing the client first fails what is pending with ZenConnectionLostException and ends the streams;
        // only then are the layers detached.
        await Client.DisposeAsync().ConfigureAwait(false);
        if (Subscriptions is not null)
        {
            await Subscriptions.DisposeAsync().ConfigureAwait(false);
        }

        Requests.Dispose();
        await _pump.ConfigureAwait(false);
    }
}
