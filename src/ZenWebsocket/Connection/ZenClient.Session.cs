using System.Net.WebSockets;

namespace ZenWebsocket;

public sealed partial class ZenClient
{
    /// <summary>One connection attempt: resolve URI and headers, connect within the timeout, then go live.</summary>
    private async Task<ConnectionSession> AttemptAsync(int attempt, bool isReconnect, SessionEnd? cause, CancellationToken cancellationToken)
    {
        // The timeout belongs to this attempt alone and dies with it: it can never cut a later attempt short.
        using var timeout = _time.CreateCancellationTokenSource(_options.ConnectTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var id = Interlocked.Increment(ref _connectionCounter);
        var session = new ConnectionSession(id, attempt, isReconnect, new LivenessClock(_time));
        session.Heartbeat = _options.Heartbeat.Create(NewHeartbeatContext(session));

        var reason = isReconnect ? (attempt == 1 ? cause!.Reason : StateChangeReason.ConnectFailed) : StateChangeReason.UserRequested;
        Transition(ConnectionState.Connecting, reason, attempt, connectionId: id);

        using var activity = ZenTelemetry.Source.StartActivity("zenws.connect");
        activity?.SetTag("zenws.attempt", attempt);
        var started = _time.GetTimestamp();
        try
        {
            var context = new ConnectAttemptContext(Uri, attempt, isReconnect);
            var uri = await ResolveUriAsync(context, linked.Token).ConfigureAwait(false);
            var headers = await ResolveHeadersAsync(context, linked.Token).ConfigureAwait(false);
            var (socket, invoker) = await SocketConnector.ConnectAsync(uri, _options, headers, session.Heartbeat, session.Clock, session.Tap, _time, linked.Token).ConfigureAwait(false);
            session.Attach(socket, invoker);
        }
        catch (Exception ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "timeout");
            throw new ZenTimeoutException(TimeoutKind.Connect, _options.ConnectTimeout, $"Connecting to {Uri.Host} did not complete within {_options.ConnectTimeout} (TCP, TLS and WebSocket upgrade).", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
            throw ConnectErrors.Classify(ex, null, _time);
        }

        ZenTelemetry.RecordConnectDuration(_time.GetElapsedTime(started));
        Activate(session, attempt);
        return session;
    }

    private async ValueTask<Uri> ResolveUriAsync(ConnectAttemptContext context, CancellationToken cancellationToken)
    {
        if (_options.UriProvider is null)
        {
            return Uri;
        }

        var uri = await _options.UriProvider(context, cancellationToken).ConfigureAwait(false);
        ArgumentNullException.ThrowIfNull(uri, "UriProvider result");
        ValidateUri(uri, "UriProvider");
        return uri;
    }

    private async ValueTask<IReadOnlyDictionary<string, string>> ResolveHeadersAsync(ConnectAttemptContext context, CancellationToken cancellationToken)
    {
        if (_options.HeadersProvider is null)
        {
            return _options.Headers;
        }

        var merged = new Dictionary<string, string>(_options.Headers, StringComparer.OrdinalIgnoreCase);
        var extra = await _options.HeadersProvider(context, cancellationToken).ConfigureAwait(false);
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            HeaderRules.Validate(name, value, "HeadersProvider");
            merged[name] = value;
        }

        return merged;
    }

    /// <summary>Publishes the session, announces Connected, and starts its loops.</summary>
    private void Activate(ConnectionSession session, int attempt)
    {
        session.ConnectedTimestamp = _time.GetTimestamp();
        _connectedAt = _time.GetUtcNow();
        Interlocked.Exchange(ref _lastConnectionId, session.Id);
        Volatile.Write(ref _session, session);
        ZenTelemetry.ConnectionOpened();

        // Heartbeat and rotation start inline, before Connected is announced: their timers are armed by the time
        // anyone reacts to the event. Their transitions cannot overtake Connected: only the supervisor, started
        // after this returns, acts on the session's end.
        session.Loops.Add(RunHeartbeatAsync(session));
        if (_options.RotationInterval is { } rotation)
        {
            session.Loops.Add(RotateAfterAsync(session, rotation));
        }

        NotifyConnected(session);
        Transition(ConnectionState.Connected, StateChangeReason.Connected, attempt);
        var writer = Volatile.Read(ref _run).Messages.Writer;
        session.Loops.Add(Task.Run(() => ReceiveLoopAsync(session, writer), CancellationToken.None));

        if (_sendQueue.Count > 0)
        {
            session.Loops.Add(Task.Run(() => DrainSendQueueAsync(session), CancellationToken.None));
        }
    }

    private HeartbeatContext NewHeartbeatContext(ConnectionSession session) => new(
        _time,
        _logger,
        _heartbeatMonitor,
        session.Id,
        () => session.Clock.LastRead,
        async (text, ct) => await SendOnSessionAsync(session, System.Text.Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, ct).ConfigureAwait(false),
        error => session.TryEnd(new SessionEnd(StateChangeReason.HeartbeatTimeout, error)));

    private static async Task RunHeartbeatAsync(ConnectionSession session)
    {
        try
        {
            await session.Heartbeat.RunAsync(session.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ZenWebSocketException)
        {
            // The connection ended (or a heartbeat write failed, which already ended it).
        }
    }

    private async Task RotateAfterAsync(ConnectionSession session, TimeSpan lifetime)
    {
        try
        {
            await Task.Delay(lifetime, _time, session.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        session.ClosingReason = StateChangeReason.Rotation;
        try
        {
            using var bound = _time.CreateCancellationTokenSource(_options.CloseTimeout);
            await session.SendCloseAsync(WebSocketCloseStatus.NormalClosure, "rotation", bound.Token).ConfigureAwait(false);
            await session.Ended.WaitAsync(bound.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            session.TryEnd(new SessionEnd(StateChangeReason.Rotation, null));
        }
    }

    private async Task RetireSessionAsync(ConnectionSession session)
    {
        session.TryEnd(new SessionEnd(StateChangeReason.UserRequested, null));
        var end = await session.Ended.ConfigureAwait(false);
        if (Interlocked.CompareExchange(ref _session, null, session) == session)
        {
            ZenTelemetry.ConnectionClosed();

            // Before waiting for the loops and before any reconnect: pending work fails at once, not at its timeout.
            NotifyDisconnected(session, end);
        }

        await session.RetireAsync().ConfigureAwait(false);
    }
}
