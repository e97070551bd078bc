using System.Runtime.ExceptionServices;

namespace ZenWebsocket;

public sealed partial class ZenClient
{
    /// <summary>
    /// Connects, retrying per the policy. <paramref name="cause"/> is null for a first connect, else what ended the
    /// previous connection. Returns the open session, or throws the error that ended the sequence (after recording the
    /// final transition and ending the run).
    /// </summary>
    private async Task<ConnectionSession> ConnectSequenceAsync(SessionEnd? cause, bool retry, CancellationToken cancellationToken)
    {
        var policy = _options.Reconnect;
        var backoff = new Backoff(policy);
        var started = _time.GetTimestamp();
        var isReconnect = cause is not null;
        var attempt = 1;
        var consecutiveFailures = 0;
        ZenWebSocketException? lastError = null;

        while (true)
        {
            if (isReconnect || attempt > 1)
            {
                var delay = NextDelay(policy, backoff, cause, attempt, lastError, ref consecutiveFailures);
                var elapsed = _time.GetElapsedTime(started);
                if (policy.MaxAttempts is { } max && attempt > max || policy.MaxElapsed is { } budget && elapsed + delay > budget)
                {
                    var exhausted = new ZenRetriesExhaustedException(attempt - 1, elapsed, lastError ?? cause?.Error ?? new ZenTransportException(TransportFailure.Other, "No attempt was allowed."));
                    EndRun(Transition(ConnectionState.Disconnected, StateChangeReason.RetriesExhausted, attempt - 1, error: exhausted), SendFailure.NotConnected);
                    throw exhausted;
                }

                // Arm the delay before announcing it: whoever reacts to the event (a test advancing a fake clock)
                // must find the timer already running.
                var wait = delay > TimeSpan.Zero ? Task.Delay(delay, _time, cancellationToken) : Task.CompletedTask;
                var first = attempt == 1 && cause is not null;
                Transition(
                    ConnectionState.Reconnecting,
                    first ? cause!.Reason : StateChangeReason.ConnectFailed,
                    attempt,
                    delay,
                    first ? cause!.Error : lastError,
                    first ? cause!.CloseStatus : null,
                    first ? cause!.CloseDescription : null);
                await wait.ConfigureAwait(false);
            }

            try
            {
                var session = await AttemptAsync(attempt, isReconnect, cause, cancellationToken).ConfigureAwait(false);
                if (isReconnect)
                {
                    Interlocked.Increment(ref _reconnectCount);
                }

                return session;
            }
            catch (ZenWebSocketException error)
            {
                lastError = error;
                consecutiveFailures++;
                Log.ConnectAttemptFailed(_logger, attempt, Uri.Host, error.Message);
                if (!retry || !error.IsTransient)
                {
                    var reason = error.IsTransient ? StateChangeReason.ConnectFailed : StateChangeReason.PermanentError;
                    EndRun(Transition(ConnectionState.Disconnected, reason, attempt, error: error), SendFailure.NotConnected);
                    ExceptionDispatchInfo.Throw(error);
                }

                attempt++;
            }
        }
    }

    private static TimeSpan NextDelay(ReconnectPolicy policy, Backoff backoff, SessionEnd? cause, int attempt, ZenWebSocketException? lastError, ref int consecutiveFailures)
    {
        TimeSpan delay;
        if (attempt == 1 && cause is not null)
        {
            // A deliberate replacement, or a first retry after a blip, goes out at once.
            var immediate = policy.ImmediateFirstRetry || cause.Reason is StateChangeReason.Rotation or StateChangeReason.ExplicitReconnect;
            delay = immediate ? TimeSpan.Zero : backoff.Next();
        }
        else
        {
            delay = backoff.Next();
        }

        if ((lastError ?? cause?.Error)?.RetryAfter is { } retryAfter && retryAfter > delay)
        {
            delay = retryAfter;
        }

        if (policy.CircuitBreakAfter is { } threshold && consecutiveFailures >= threshold)
        {
            delay = delay > policy.CircuitBreakDuration ? delay : policy.CircuitBreakDuration;
            consecutiveFailures = 0;
        }

        return delay;
    }

    private void StartSupervisor(ConnectionSession session)
    {
        var stop = new CancellationTokenSource();
        _supervisorStop = stop;
        _supervisor = Task.Run(() => SuperviseAsync(session, stop.Token), CancellationToken.None);
    }

    private async Task StopSupervisorAsync()
    {
        var stop = _supervisorStop;
        if (stop is null)
        {
            return;
        }

        TryCancel(stop);
        await _supervisor.ConfigureAwait(false);
        stop.Dispose();
        _supervisorStop = null;
    }

    /// <summary>Watches the open connection; when it ends, reconnects or records the final disconnect.</summary>
    private async Task SuperviseAsync(ConnectionSession session, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                var end = await session.Ended.WaitAsync(stop).ConfigureAwait(false);
                Log.SessionEnded(_logger, session.Id, end.Reason, end.Error?.Message);
                await RetireSessionAsync(session).ConfigureAwait(false);
                stop.ThrowIfCancellationRequested();

                if (!_options.ReconnectOnError || end.Error is { IsTransient: false })
                {
                    var reason = end.Error is { IsTransient: false } ? StateChangeReason.PermanentError : end.Reason;
                    EndRun(Transition(ConnectionState.Disconnected, reason, error: end.Error, closeStatus: end.CloseStatus, closeDescription: end.CloseDescription), SendFailure.NotConnected);
                    return;
                }

                ZenTelemetry.RecordReconnect(end.Reason);
                try
                {
                    session = await ConnectSequenceAsync(end, retry: true, stop).ConfigureAwait(false);
                }
                catch (ZenWebSocketException)
                {
                    // The sequence recorded the final transition and ended the run.
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // A user operation (close, reconnect, dispose) took over; it owns the next transitions.
        }
    }
}
