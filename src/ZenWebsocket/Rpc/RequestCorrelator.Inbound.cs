namespace ZenWebsocket;

public sealed partial class RequestCorrelator
{
    /// <inheritdoc />
    /// <remarks>Consumes responses (matched, late or unmatched); passes notifications and anything else on.</remarks>
    public bool OnMessage(in ZenMessage message)
    {
        if (!message.IsText)
        {
            return false;
        }

        var inbound = _options.Dialect.Classify(message.Data);
        if (inbound.Kind is not (RpcMessageKind.Response or RpcMessageKind.ErrorResponse) || inbound.Id is not { } id)
        {
            return false;
        }

        if (_pending.TryGetValue(id, out var entry) && entry.ConnectionId is var owner && (owner == 0 || owner == message.ConnectionId))
        {
            Complete(entry, inbound, message);
            return true;
        }

        if (_timedOut.TryConsume(id, message.ConnectionId))
        {
            Interlocked.Increment(ref _late);
            return true;
        }

        Interlocked.Increment(ref _unmatchedCount);
        _unmatched.Writer.TryWrite(new UnmatchedResponse(id, message));
        return true;
    }

    /// <inheritdoc />
    public void OnConnected(ConnectionInfo connection)
    {
    }

    /// <inheritdoc />
    /// <remarks>Fails every request of the ended connection at once, saying whether it was written.</remarks>
    public void OnDisconnected(ConnectionInfo connection, StateChangeReason reason, ZenWebSocketException? cause)
    {
        _timedOut.ForgetConnection(connection.ConnectionId);
        foreach (var entry in _pending.Values)
        {
            var owner = entry.ConnectionId;
            if (owner != 0 && owner != connection.ConnectionId)
            {
                continue;
            }

            var state = owner == 0 ? RequestWriteState.Unknown : RequestWriteState.Written;
            if (entry.TryFail(new ZenConnectionLostException(entry.Method, entry.Id, state, entry.Idempotent, cause)))
            {
                Remove(entry);
                Interlocked.Increment(ref _connectionLost);
            }
        }
    }

    /// <summary>The exchange said "slow down": the local limits that charge this method stop for as long as it asked.</summary>
    private void PenalizeLimits(string method, TimeSpan retryAfter)
    {
        foreach (var rule in _options.RateLimiter?.Rules ?? [])
        {
            if (rule.Cost.GetCost(method) > 0)
            {
                rule.Limiter.Penalize(retryAfter);
            }
        }
    }

    private void Complete(PendingRequest entry, in RpcInbound inbound, in ZenMessage message)
    {
        bool completed;
        if (inbound.Kind == RpcMessageKind.Response)
        {
            var written = entry.WrittenTimestamp;
            var roundTrip = written == 0 ? TimeSpan.Zero : _time.GetElapsedTime(written, message.ReceivedTimestamp);
            completed = entry.TryComplete(new RpcResponse(entry.Id, inbound.Result, message.ConnectionId, roundTrip));
            if (completed)
            {
                Interlocked.Increment(ref _completed);
                Latency.Record(roundTrip);
            }
        }
        else
        {
            var error = inbound.Error!;
            var failure = _options.ErrorMapper?.Invoke(error) ?? new ZenExchangeException(error.Code, error.Message, error.Data);
            if (failure is ZenRateLimitedException { RetryAfter: { } retryAfter })
            {
                PenalizeLimits(entry.Method, retryAfter);
            }

            completed = entry.TryFail(failure);
            if (completed)
            {
                Interlocked.Increment(ref _exchangeErrors);
            }
        }

        if (completed)
        {
            Remove(entry);
        }
    }
}
