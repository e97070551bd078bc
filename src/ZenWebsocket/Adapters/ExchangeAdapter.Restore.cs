using System.Threading.Channels;

namespace ZenWebsocket;

public abstract partial class ExchangeAdapter
{
    // How long the loop waits for a client whose socket closed to report the end of its connection.
    private static readonly TimeSpan LossSettleBound = TimeSpan.FromSeconds(2);

    /// <summary>Starts an ordered path: the first start (<paramref name="cause"/> null) or a reconnect after a loss.</summary>
    private Task BeginPathAsync(ConnectionStateChange? cause)
    {
        _retry = new Retry(_policy, cause, _time.GetTimestamp());
        return NextAttemptAsync(_retry);
    }

    /// <summary>
    /// Goes on with the path: an attempt at once when no delay is due, else a backoff timer that posts the attempt
    /// back to the mailbox, so the loop keeps serving calls (and a stop) while it waits. An exhausted budget faults.
    /// </summary>
    private async Task NextAttemptAsync(Retry retry)
    {
        retry.Attempt++;
        _attempt = retry.Attempt;
        if (retry.IsReconnect || retry.Attempt > 1)
        {
            var error = retry.LastError ?? retry.Cause?.Error;
            var delay = NextDelay(retry, error);
            var elapsed = _time.GetElapsedTime(retry.Started);
            if (_policy.MaxAttempts is { } max && retry.Attempt > max || _policy.MaxElapsed is { } budget && elapsed + delay > budget)
            {
                Fault(new ZenRetriesExhaustedException(retry.Attempt - 1, elapsed, error ?? new ZenTransportException(TransportFailure.Other, "No attempt was allowed.")));
                return;
            }

            var state = retry.IsReconnect ? AdapterState.Reconnecting : AdapterState.Connecting;
            if (delay > TimeSpan.Zero)
            {
                // Arm the timer before announcing it: whoever reacts to the event (a test advancing a fake clock)
                // must find it running. The generation makes a timer of an abandoned path harmless.
                _ = RetryAfterAsync(delay, ++_retryGeneration);
                Transition(state, retry.Attempt, delay, error);
                return;
            }

            Transition(state, retry.Attempt, delay, error);
        }

        await RunAttemptAsync(retry).ConfigureAwait(false);
    }

    private async Task RunAttemptAsync(Retry retry)
    {
        try
        {
            var session = await TryOnceAsync(retry.Attempt, retry.IsReconnect, _stopping.Token).ConfigureAwait(false);
            _retry = null;
            GoLive(session, retry.Attempt, retry.IsReconnect);
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            // The stop interrupted the attempt (whatever that made it throw); the stop message that follows
            // finishes the job.
        }
#pragma warning disable CA1031 // Every failure of an attempt is classified: retried, or surfaced by Fault.
        catch (Exception error)
#pragma warning restore CA1031
        {
            if (IsPermanent(error) || (!retry.IsReconnect && !_policy.RetryInitialConnect))
            {
                Fault(error);
                return;
            }

            retry.LastError = (ZenWebSocketException)error;
            retry.ConsecutiveFailures++;
            _lastError = error;
            await NextAttemptAsync(retry).ConfigureAwait(false);
        }
    }

    private async Task RetryAfterAsync(TimeSpan delay, int generation)
    {
        try
        {
            await Task.Delay(delay, _time, _stopping.Token).ConfigureAwait(false);
            await _mailbox.Writer.WriteAsync(new Command<bool>(async () =>
            {
                if (generation == _retryGeneration && _retry is { } retry && _state is AdapterState.Connecting or AdapterState.Reconnecting)
                {
                    await RunAttemptAsync(retry).ConfigureAwait(false);
                }

                return true;
            })).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            // Stopped while waiting: there is nothing to retry.
        }
    }

    /// <summary>One attempt: a new client, then the four steps in order. Any failure throws the connection away.</summary>
    private async Task<AdapterSession> TryOnceAsync(int attempt, bool isReconnect, CancellationToken cancellationToken)
    {
        var session = NewSession(attempt, isReconnect);
        try
        {
            await StepAsync(session, AdapterStep.Connect, async () =>
            {
                // Topics join the new manager while its client is still down: it records them without sending
                // anything, and the restore step subscribes them all, in confirmed batches, after authentication.
                foreach (var subscription in _subscriptions)
                {
                    if (!subscription.IsFailed)
                    {
                        await subscription.AttachAsync(session.Subscriptions!, cancellationToken).ConfigureAwait(false);
                    }
                }

                await session.Client.ConnectAsync(cancellationToken).ConfigureAwait(false);
                session.StartMessagePump(DeliverUnhandled);
            }, cancellationToken).ConfigureAwait(false);
            await StepAsync(session, AdapterStep.Authenticate, () => AuthenticateAsync(session, cancellationToken), cancellationToken).ConfigureAwait(false);
            await StepAsync(session, AdapterStep.RestoreSubscriptions, () => RestoreSubscriptionsAsync(session, cancellationToken), cancellationToken).ConfigureAwait(false);
            await StepAsync(session, AdapterStep.Resume, () => ResumeAsync(session, cancellationToken), cancellationToken).ConfigureAwait(false);
            return session;
        }
        catch
        {
            await DiscardAsync(session).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs one step, times it, raises its event, and turns a loss of the connection into a transient error.</summary>
    private async Task StepAsync(AdapterSession session, AdapterStep step, Func<Task> work, CancellationToken cancellationToken)
    {
        _step = step;
        _stepStarted = _time.GetTimestamp();
        Publish();
        Exception? error = null;
        try
        {
            // A hook that ignores its token is abandoned (not awaited) when the adapter stops.
            await work().WaitAsync(cancellationToken).ConfigureAwait(false);
            if (session.Client.State != ConnectionState.Connected)
            {
                throw new ZenTransportException(TransportFailure.ConnectionLost, $"The connection was lost during the {step} step.");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever a step threw because its connection died is that loss, and a loss is retried: even a request
            // whose outcome is unknown, since the whole connection is thrown away and the step runs again. Only a
            // refusal of the credentials keeps its meaning.
            var lost = ex is ZenConnectionLostException
                || (step != AdapterStep.Connect && session.Client.State != ConnectionState.Connected && ex is not ZenWebSocketException { Category: ErrorCategory.Authentication });
            error = lost && ex is not ZenTransportException { Failure: TransportFailure.ConnectionLost }
                ? new ZenTransportException(TransportFailure.ConnectionLost, $"The connection was lost during the {step} step.", ex)
                : ex;
            if (ReferenceEquals(error, ex))
            {
                throw;
            }

            throw error;
        }
        finally
        {
            var duration = _time.GetElapsedTime(_stepStarted);
            _stepTimes[(int)step] += duration;
            _step = null;
            Publish();
            if (!cancellationToken.IsCancellationRequested)
            {
                RaiseStep(new AdapterStepCompleted(step, session.Attempt, session.IsReconnect, duration, error));
            }
        }
    }

    private void RaiseStep(AdapterStepCompleted completed)
    {
        ZenTelemetry.RecordAdapterStep(completed.Step, completed.Duration, completed.Error is null);
        if (completed.Error is null)
        {
            Log.AdapterStepSucceeded(_logger, Name, completed.Step, completed.Attempt, completed.Duration.TotalMilliseconds);
        }
        else
        {
            Log.AdapterStepFailed(_logger, Name, completed.Step, completed.Attempt, completed.Duration.TotalMilliseconds, completed.Error.Message);
        }

        _events.Publish(nameof(StepCompleted), () => StepCompleted?.Invoke(this, completed));
    }

    private async Task RestoreSubscriptionsAsync(AdapterSession session, CancellationToken cancellationToken)
    {
        if (session.Subscriptions is not { } manager)
        {
            return;
        }

        var (restored, failed) = await manager.RestoreAsync(cancellationToken).ConfigureAwait(false);
        if (restored + failed > 0)
        {
            Log.AdapterSubscriptionsRestored(_logger, Name, restored, failed);
        }

        // A rejected topic has its Failed marker and is never restored again.
        _subscriptions.RemoveAll(s => s.IsFailed);
        foreach (var subscription in _subscriptions)
        {
            subscription.WasLive = subscription.State == SubscriptionState.Active;
        }
    }

    private AdapterSession NewSession(int attempt, bool isReconnect)
    {
        var configured = ConfigureClient(new ZenClientOptions { TimeProvider = _time, LoggerFactory = _loggerFactory })
            ?? throw new InvalidOperationException($"{GetType().Name}.ConfigureClient returned null.");

        // Reconnecting is the adapter's job alone, and a send while disconnected must fail rather than queue:
        // a queued frame would go out on the next connect before authentication.
        var options = configured with
        {
            ReconnectOnError = false,
            Reconnect = configured.Reconnect with { RetryInitialConnect = false },
            DisconnectedSendPolicy = DisconnectedSendPolicy.FailFast,
            TimeProvider = _time,
        };
        var dialects = Dialects;
        var requests = new RequestCorrelatorOptions
        {
            Dialect = dialects.Rpc,
            ErrorMapper = dialects.ErrorMapper,
            RequestTimeout = _requestTimeout,
            RateLimiter = _rateLimiter,
        };
#pragma warning disable CA2000 // The session owns the client; DiscardAsync or the stop disposes it.
        return new AdapterSession(new ZenClient(Endpoint, options), requests, dialects.Subscriptions, _subscriptionOptions, attempt, isReconnect);
#pragma warning restore CA2000
    }

    /// <summary>Makes a restored connection current and starts watching it.</summary>
    private void GoLive(AdapterSession session, int attempt, bool isReconnect)
    {
        _session = session;
        _connectedSince = _time.GetUtcNow();
        if (isReconnect)
        {
            _reconnects++;
        }

        Transition(AdapterState.Ready, attempt);
        _ = WatchAsync(session);
    }

    /// <summary>The equivalent of monitoring the client: when it is finally down, the loop is told.</summary>
    private async Task WatchAsync(AdapterSession session)
    {
        var end = await session.Client.Completion.ConfigureAwait(false);
        try
        {
            await _mailbox.Writer.WriteAsync(new Command<bool>(() => OnConnectionLostAsync(session, end))).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // Stopped: nobody needs to hear about it.
        }
    }

    /// <summary>Before serving a call, handles a loss the loop has not been told about yet, so the call waits for the
    /// restored connection instead of failing on a dead one.</summary>
    private async Task HandleLossIfAnyAsync()
    {
        if (_state != AdapterState.Ready || _session is not { } session)
        {
            return;
        }

        var ended = session.Client.Completion;
        if (!ended.IsCompleted && !session.Client.HasOpenSocket)
        {
            // The socket is gone but the client has not finished saying so (its reconnection is off, so it will
            // complete): wait a moment for the loss rather than send into a dead connection.
            try
            {
                // Real time on purpose: the end comes from the socket, not from any clock a test may hold still.
                await ended.WaitAsync(LossSettleBound, TimeProvider.System).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return;
            }
        }

        if (ended.IsCompleted)
        {
            await OnConnectionLostAsync(session, await ended.ConfigureAwait(false)).ConfigureAwait(false);
        }
    }

    private async Task<bool> OnConnectionLostAsync(AdapterSession session, ConnectionStateChange end)
    {
        if (!ReferenceEquals(session, _session))
        {
            // A connection already replaced or closed by the adapter itself.
            return false;
        }

        Log.AdapterConnectionLost(_logger, Name, end.ConnectionId, end.Reason);
        _session = null;
        _connectedSince = null;
        await DiscardAsync(session).ConfigureAwait(false);
        if (end.Error is { } error && IsPermanent(error))
        {
            Fault(error);
            return false;
        }

        await BeginPathAsync(end).ConfigureAwait(false);
        return true;
    }

    /// <summary>Throws a connection away: closes it, drains what it delivered into the streams, marks the holes.</summary>
    private async Task DiscardAsync(AdapterSession session)
    {
        await session.CloseAsync(graceful: false).ConfigureAwait(false);
        foreach (var subscription in _subscriptions)
        {
            await subscription.DetachAsync(leaving: false).ConfigureAwait(false);
        }

        Publish();
    }

    /// <summary>Stops on an error retrying cannot fix and surfaces it: in the event, Completion, and every stream.</summary>
    private void Fault(Exception error)
    {
        Log.AdapterFaulted(_logger, Name, error is ZenWebSocketException zen ? zen.Explain() : error.Message, error);
        foreach (var subscription in _subscriptions)
        {
            subscription.Fail(error.Message);
        }

        _subscriptions.Clear();
        _retry = null;
        Transition(AdapterState.Faulted, _attempt, error: error);
    }

    /// <summary>Authentication refused, or an error that is not transient (or not ours at all: a bug in a hook).</summary>
    private static bool IsPermanent(Exception error) => error switch
    {
        ZenWebSocketException { Category: ErrorCategory.Authentication } => true,
        ZenWebSocketException zen => !zen.IsTransient,
        _ => true,
    };

    private TimeSpan NextDelay(Retry retry, ZenWebSocketException? lastError)
    {
        // The first retry after a drop may go out at once (a blip heals fast); later ones back off.
        var delay = retry.IsReconnect && retry.Attempt == 1 && _policy.ImmediateFirstRetry ? TimeSpan.Zero : retry.Backoff.Next();
        if (lastError?.RetryAfter is { } retryAfter && retryAfter > delay)
        {
            delay = retryAfter;
        }

        if (_policy.CircuitBreakAfter is { } threshold && retry.ConsecutiveFailures >= threshold)
        {
            delay = delay > _policy.CircuitBreakDuration ? delay : _policy.CircuitBreakDuration;
            retry.ConsecutiveFailures = 0;
        }

        return delay;
    }

    private void DeliverUnhandled(AdapterSession session, ZenMessage message)
    {
        try
        {
            OnMessage(session, message);
        }
#pragma warning disable CA1031 // A venue's handler bug must not stop the pump (and with it the client's queue).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.AdapterMessageHookFailed(_logger, Name, ex);
        }
    }
}
