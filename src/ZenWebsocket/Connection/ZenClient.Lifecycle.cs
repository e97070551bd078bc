using System.Net.WebSockets;

namespace ZenWebsocket;

public sealed partial class ZenClient
{
    /// <summary>Creates a client and connects it; the client is disposed if the connect fails.</summary>
    /// <param name="uri">The <c>ws://</c> or <c>wss://</c> endpoint.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    /// <returns>The connected client.</returns>
    /// <exception cref="ZenWebSocketException">Connecting failed; the leaf type and <see cref="ZenWebSocketException.Explain"/> say why.</exception>
    public static async Task<ZenClient> ConnectAsync(Uri uri, ZenClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        var client = new ZenClient(uri, options);
        try
        {
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Connects. A failure throws its precise error at once unless <see cref="ReconnectPolicy.RetryInitialConnect"/> is set.</summary>
    /// <param name="cancellationToken">Cancels the connect (and any retries).</param>
    /// <returns>A task that completes when connected.</returns>
    /// <exception cref="InvalidOperationException">The client is already connected or connecting.</exception>
    /// <exception cref="ZenWebSocketException">Connecting failed.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            if (State is not (ConnectionState.Disconnected or ConnectionState.Closed))
            {
                throw new InvalidOperationException($"The client is {State}. Await Completion, or call ReconnectAsync to replace the connection.");
            }

            await StopSupervisorAsync().ConfigureAwait(false);
            await RunForegroundSequenceAsync(cause: null, _options.Reconnect.RetryInitialConnect, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Replaces the connection on purpose: closes the current one (if any) with a close handshake and connects again,
    /// keeping options, event handlers, and the message stream. Works after a close or a final disconnect too.
    /// </summary>
    /// <param name="cancellationToken">Cancels the reconnect.</param>
    /// <returns>A task that completes when connected again.</returns>
    /// <exception cref="ZenWebSocketException">Reconnecting failed.</exception>
    public async Task ReconnectAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            await StopSupervisorAsync().ConfigureAwait(false);
            var session = Volatile.Read(ref _session);
            if (session is not null)
            {
                await CloseSessionAsync(session, StateChangeReason.ExplicitReconnect, WebSocketCloseStatus.NormalClosure, "reconnect").ConfigureAwait(false);
            }

            var cause = new SessionEnd(StateChangeReason.ExplicitReconnect, null);
            await RunForegroundSequenceAsync(cause, _options.ReconnectOnError, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Closes with a close handshake (bounded by <see cref="ZenClientOptions.CloseTimeout"/>, then aborts).</summary>
    /// <param name="status">The close status to send.</param>
    /// <param name="description">The close description to send.</param>
    /// <param name="cancellationToken">Cancels waiting for the lifecycle lock.</param>
    /// <returns>The final transition, carrying the server's close status and description when it answered.</returns>
    public async Task<ConnectionStateChange> CloseAsync(
        WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure,
        string? description = null,
        CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            await StopSupervisorAsync().ConfigureAwait(false);
            if (State == ConnectionState.Closed && Volatile.Read(ref _session) is null)
            {
                // Already closed: closing again changes nothing and raises nothing.
                return await Completion.ConfigureAwait(false);
            }

            SessionEnd? end = null;
            var session = Volatile.Read(ref _session);
            if (session is not null)
            {
                end = await CloseSessionAsync(session, StateChangeReason.UserRequested, status, description).ConfigureAwait(false);
            }

            var change = Transition(ConnectionState.Closed, StateChangeReason.UserRequested, closeStatus: end?.CloseStatus, closeDescription: end?.CloseDescription, error: end?.Error);
            EndRun(change, SendFailure.Closed);
            return change;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Stops every loop and timer and releases the socket. Idempotent. Events already queued (the final Closed
    /// included) are delivered before it returns — unless it is called from an event handler, which cannot wait for
    /// itself — and no event is raised after it returns.
    /// </summary>
    /// <returns>A task that completes when everything has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Cancel first so a connect or reconnect holding the lifecycle lock lets go promptly.
        TryCancel(_supervisorStop);
        TryCancel(_foregroundStop);
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            await StopSupervisorAsync().ConfigureAwait(false);
            var session = Volatile.Read(ref _session);
            if (session is not null)
            {
                // Say goodbye, but never let dispose wait on the peer: the close frame gets a short real-time bound.
                using var bound = TimeProvider.System.CreateCancellationTokenSource(TimeSpan.FromSeconds(1));
                try
                {
                    await session.SendCloseAsync(WebSocketCloseStatus.NormalClosure, "disposed", bound.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
                {
                    Log.CloseHandshakeFailed(_logger, ex.Message);
                }

                await RetireSessionAsync(session).ConfigureAwait(false);
            }

            if (State != ConnectionState.Closed)
            {
                EndRun(Transition(ConnectionState.Closed, StateChangeReason.UserRequested), SendFailure.Closed);
            }
        }
        finally
        {
            _lifecycle.Release();
        }

        // Deliver what is already queued (the final Closed included), then nothing ever again. A handler that never
        // returns is a bug of its own; it gets a real-time bound so dispose always finishes.
        try
        {
            await _events.StopAsync().WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.EventDropped(_logger);
        }
    }

    /// <summary>Runs a connect sequence the caller awaits, then hands the connection to the supervisor.</summary>
    private async Task RunForegroundSequenceAsync(SessionEnd? cause, bool retry, CancellationToken cancellationToken)
    {
        BeginRunIfEnded();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _foregroundStop = stop;
        try
        {
            var session = await ConnectSequenceAsync(cause, retry, stop.Token).ConfigureAwait(false);
            StartSupervisor(session);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            var change = Transition(ConnectionState.Disconnected, StateChangeReason.UserRequested);
            EndRun(change, SendFailure.NotConnected);
            throw;
        }
        finally
        {
            _foregroundStop = null;
        }
    }

    /// <summary>Closes our side with a handshake and waits (bounded) for the server's close frame, then retires.</summary>
    private async Task<SessionEnd> CloseSessionAsync(ConnectionSession session, StateChangeReason reason, WebSocketCloseStatus status, string? description)
    {
        session.ClosingReason = reason;
        using var bound = _time.CreateCancellationTokenSource(_options.CloseTimeout);
        try
        {
            await session.SendCloseAsync(status, description, bound.Token).ConfigureAwait(false);
            await session.Ended.WaitAsync(bound.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            Log.CloseHandshakeFailed(_logger, ex.Message);
            session.TryEnd(new SessionEnd(reason, new ZenTimeoutException(TimeoutKind.Close, _options.CloseTimeout, "The server did not complete the close handshake in time; the connection was aborted.", ex)));
        }

        var end = await session.Ended.ConfigureAwait(false);
        await RetireSessionAsync(session).ConfigureAwait(false);
        return end;
    }
}
