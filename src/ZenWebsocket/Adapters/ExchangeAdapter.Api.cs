using System.Runtime.ExceptionServices;
using System.Text.Json.Serialization.Metadata;

namespace ZenWebsocket;

public abstract partial class ExchangeAdapter
{
    // How often a call whose connection died before its write goes back to wait for the next one.
    private const int MaxUnsentRetries = 3;

    /// <summary>
    /// Connects through the ordered path (connect, authenticate, restore subscriptions, resume) and returns when the
    /// adapter is <see cref="AdapterState.Ready"/>. A failure is retried only when
    /// <see cref="ReconnectPolicy.RetryInitialConnect"/> is set; refused credentials never are. Calling it again
    /// once started does nothing.
    /// </summary>
    /// <param name="cancellationToken">Cancels the start; the adapter then stops.</param>
    /// <returns>A task that completes when ready.</returns>
    /// <exception cref="ZenWebSocketException">The start failed; the adapter is <see cref="AdapterState.Faulted"/> with this error.</exception>
    /// <exception cref="InvalidOperationException">The adapter was stopped or faulted before: an adapter runs once.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        try
        {
            await PostAsync(StartOnLoopAsync, cancellationToken).ConfigureAwait(false);
            await PostAsync(ReadyOrThrow, cancellationToken, waitsForReady: true).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller gave up on the start (a host shutting down): the adapter does not linger half-started.
            await StopCoreAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Stops: interrupts a running ordered path or backoff, closes the connection with a close handshake, and ends
    /// every subscription stream. Idempotent; calls waiting in the mailbox fail.
    /// </summary>
    /// <param name="cancellationToken">Cancels waiting for the stop (the stop itself still happens).</param>
    /// <returns>A task that completes when stopped.</returns>
    public Task StopAsync(CancellationToken cancellationToken = default) => StopCoreAsync().WaitAsync(cancellationToken);

    /// <summary>
    /// Subscribes to a topic. Returns once the venue acknowledged it, or at once when the adapter is not connected
    /// yet (the topic is then subscribed by the next ordered path, after authentication). The stream survives
    /// reconnects, with Reconnecting and Restored markers where they happened.
    /// </summary>
    /// <param name="topic">The topic, in the venue's spelling.</param>
    /// <param name="options">Per-subscriber queue settings.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The subscription; dispose it to leave.</returns>
    /// <exception cref="ZenExchangeException">The venue rejected the topic.</exception>
    /// <exception cref="InvalidOperationException">The venue has no subscription dialect.</exception>
    public Task<AdapterSubscription> SubscribeAsync(string topic, SubscribeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        options ??= SubscribeOptions.Default;
        options.Validate();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return PostAsync(() => SubscribeOnLoopAsync(topic, options, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Sends a request on the current connection and returns its raw result. While the adapter reconnects the call
    /// waits for the ordered path to finish, then goes out on the restored connection; it is never sent on a
    /// connection that is not yet authenticated, and never re-sent.
    /// </summary>
    /// <param name="method">The method.</param>
    /// <param name="parameters">The params.</param>
    /// <param name="options">Per-request settings.</param>
    /// <param name="cancellationToken">Cancels the wait, in the mailbox or for the response.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ZenConnectionLostException">The connection dropped before the response; see its <c>OutcomeUnknown</c>.</exception>
    /// <exception cref="ZenSendException">The adapter is stopped or faulted, or the write failed.</exception>
    public async Task<RpcResponse> RequestRawAsync(string method, RpcParams parameters, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        // The loop only picks the connection and starts the request; the caller awaits the response, so one slow
        // response never holds the mailbox.
        return await SendWhenReadyAsync(
            session => session.Requests.RequestRawAsync(method, parameters, options, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request like <see cref="RequestRawAsync"/> and returns its typed result.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="method">The method.</param>
    /// <param name="parameters">The params.</param>
    /// <param name="resultType">Source-generated metadata of the result.</param>
    /// <param name="options">Per-request settings.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The result.</returns>
    public async Task<TResult> RequestAsync<TResult>(string method, RpcParams parameters, JsonTypeInfo<TResult> resultType, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(resultType);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return await SendWhenReadyAsync(
            session => session.Requests.RequestAsync(method, parameters, resultType, options, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a request on the ready connection and awaits it off the loop. When the connection died between the
    /// loop's check and the write, nothing was written: the call then goes back to the mailbox and waits for the
    /// restored connection, as it would had it arrived a moment later (bounded, so a flapping link still fails).
    /// </summary>
    private async Task<T> SendWhenReadyAsync<T>(Func<AdapterSession, Task<T>> request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var sent = await PostAsync(() => Task.FromResult(request(ReadySession(cancellationToken))), cancellationToken, waitsForReady: true).ConfigureAwait(false);
            try
            {
                return await sent.ConfigureAwait(false);
            }
            catch (ZenSendException ex) when (ex.Failure == SendFailure.NotConnected && attempt < MaxUnsentRetries)
            {
                Log.AdapterUnsentRetry(_logger, Name, attempt);
            }
        }
    }

    /// <summary>Removes a subscription (its DisposeAsync); after a stop there is nothing left to undo.</summary>
    internal async Task ReleaseAsync(AdapterSubscription subscription)
    {
        try
        {
            await PostAsync(
                async () =>
                {
                    if (_subscriptions.Remove(subscription))
                    {
                        await subscription.DetachAsync(leaving: true).ConfigureAwait(false);
                        Publish();
                    }

                    return true;
                },
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or ZenSendException)
        {
            // The adapter is stopped: its stop already ended every stream and left every topic.
        }
    }

    private async Task<bool> StartOnLoopAsync()
    {
        if (_state is AdapterState.Created)
        {
            Transition(AdapterState.Connecting, attempt: 1);
            await BeginPathAsync(cause: null).ConfigureAwait(false);
        }
        else if (_state is AdapterState.Faulted or AdapterState.Stopped)
        {
            throw new InvalidOperationException($"The adapter is {_state}; an adapter runs once, create a new one.", _lastError);
        }

        return true;
    }

    private async Task<AdapterSubscription> SubscribeOnLoopAsync(string topic, SubscribeOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_state is AdapterState.Faulted or AdapterState.Stopped)
        {
            throw Unusable();
        }

        if (Dialects.Subscriptions is null)
        {
            throw new InvalidOperationException($"{GetType().Name} has no subscription dialect (AdapterDialects.Subscriptions).");
        }

        await HandleLossIfAnyAsync().ConfigureAwait(false);
        var subscription = new AdapterSubscription(this, topic, options);
        _subscriptions.Add(subscription);
        if (_state == AdapterState.Ready && _session?.Subscriptions is { } manager)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
            try
            {
                await subscription.AttachAsync(manager, linked.Token).ConfigureAwait(false);
                subscription.WasLive = subscription.State == SubscriptionState.Active;
            }
            catch
            {
                _subscriptions.Remove(subscription);
                subscription.Complete();
                throw;
            }
        }

        Publish();
        return subscription;
    }

    /// <summary>Returns the ready connection (the dispatch already handled a loss it knew of).</summary>
    private AdapterSession ReadySession(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _state == AdapterState.Ready && _session is { } session ? session : throw Unusable();
    }

    /// <summary>The end of a start: ready, or the error that faulted the first path, thrown as itself.</summary>
    private Task<bool> ReadyOrThrow()
    {
        if (_state == AdapterState.Faulted && _lastError is { } fault)
        {
            ExceptionDispatchInfo.Throw(fault);
        }

        return _state == AdapterState.Ready ? Task.FromResult(true) : throw Unusable();
    }

    private async Task StopCoreAsync()
    {
        try
        {
            // Asynchronously: the loop's cancelled continuations must not run on the caller's thread.
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        try
        {
            await PostAsync(StopOnLoopAsync, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or ZenSendException)
        {
            // Already stopped: the mailbox is closed.
        }
    }

    private async Task<bool> StopOnLoopAsync()
    {
        _retry = null;
        _retryGeneration++;
        if (_state != AdapterState.Stopped)
        {
            var session = _session;
            _session = null;
            _connectedSince = null;
            if (session is not null)
            {
                await session.CloseAsync(graceful: true).ConfigureAwait(false);
            }

            foreach (var subscription in _subscriptions)
            {
                subscription.WasLive = false;
                await subscription.DetachAsync(leaving: false).ConfigureAwait(false);
                subscription.Complete();
            }

            _subscriptions.Clear();
            if (_state != AdapterState.Faulted)
            {
                Transition(AdapterState.Stopped);
            }
        }

        // Calls still in the mailbox run next and fail; later posts fail at once.
        _mailbox.Writer.TryComplete();
        return true;
    }
}
