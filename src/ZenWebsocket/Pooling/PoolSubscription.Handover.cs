namespace ZenWebsocket;

/// <summary>
/// Make-before-break handover. While a rotation runs, the topic is carried by two connections: the old one keeps
/// delivering, the new one's items wait in a buffer. The new one takes over once the server confirmed it and the old
/// one has delivered the new one's first item (by sequence), so nothing is missed; buffered items up to what was
/// delivered are dropped, so nothing is delivered twice. If the old stream is interrupted, or the overlap lasts longer
/// than the pool allows, the confirmed new one takes over at once. The new stream's own confirmation marker never
/// reaches the consumer: only an old stream that really broke shows Reconnecting, then Restored at the switch.
/// </summary>
public sealed partial class PoolSubscription
{
    private PoolFeed? _next;
    private PoolFeed? _retired;
    private List<SubscriptionItem>? _buffer;
    private TaskCompletionSource _switched = CompletedSwitch();
    private ZenMessage _lastDelivered;
    private bool _hasLast;
    private bool _filtering;
    private bool _interrupted;

    /// <summary>Completes when the new connection has taken over (at once when no handover runs).</summary>
    internal Task Switched => _switched.Task;

    /// <summary>Completes when the replacement confirmed the topic (see <see cref="BeginHandoverAsync"/>).</summary>
    internal Task HandoverConfirmed => Volatile.Read(ref _next)?.Confirmed ?? Task.CompletedTask;

    /// <summary>Registers the topic on the replacement connection (subscribed there now, or on its connect when it is
    /// not connected yet) and starts the overlap.</summary>
    internal async Task BeginHandoverAsync(PooledConnection replacement, CancellationToken cancellationToken)
    {
        var inner = await replacement.Subscriptions!.SubscribeAsync(Topic, _options, cancellationToken).ConfigureAwait(false);
        var feed = new PoolFeed(replacement, inner, handover: true);
        lock (_gate)
        {
            _next = feed;
            _buffer = [];
            _switched = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        feed.Start(OnItem, OnConfirmed);
    }

    /// <summary>The overlap lasted too long (a quiet topic, a lagging old connection): the new connection takes over now.</summary>
    internal void ForceSwitch()
    {
        lock (_gate)
        {
            if (_next is not null)
            {
                SwitchLocked();
            }
        }
    }

    /// <summary>Gives up a handover that did not complete: the old connection keeps the topic.</summary>
    internal async Task AbortHandoverAsync()
    {
        PoolFeed? feed;
        lock (_gate)
        {
            feed = _next;
            _next = null;
            _buffer = null;
            _switched.TrySetResult();
        }

        if (feed is not null)
        {
            await feed.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Leaves the old connection's subscription after the handover (the pool closes the old connection
    /// first, so no unsubscribe goes out).</summary>
    internal async Task ReleaseRetiredAsync()
    {
        var feed = Interlocked.Exchange(ref _retired, null);
        if (feed is not null)
        {
            await feed.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource CompletedSwitch()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }

    /// <summary>Takes one item of a feed, on that feed's pump.</summary>
    private void OnItem(PoolFeed feed, SubscriptionItem item)
    {
        lock (_gate)
        {
            if (ReferenceEquals(feed, _current))
            {
                if (_next is null || (!item.IsData && !_next.Confirmed.IsCompletedSuccessfully))
                {
                    // No handover, or one whose new stream is not confirmed yet: the consumer sees what happened.
                    Deliver(item);
                }
                else if (!item.IsData)
                {
                    // The old stream was interrupted during the overlap: the new one is live, so it takes over here
                    // and the consumer never sees the interruption.
                    SwitchLocked();
                }
                else
                {
                    Deliver(item);
                    TrySwitchLocked();
                }
            }
            else if (ReferenceEquals(feed, _next) && item.IsData)
            {
                _buffer!.Add(item);
                TrySwitchLocked();
            }

            // Anything else comes from a feed that is no longer read (retired), or is a marker of the new stream
            // before it took over, which says nothing to the consumer.
        }
    }

    /// <summary>The new stream is confirmed: data that came before its acknowledgement may now take over.</summary>
    private void OnConfirmed(PoolFeed feed)
    {
        lock (_gate)
        {
            if (ReferenceEquals(feed, _next))
            {
                TrySwitchLocked();
            }
        }
    }

    private void TrySwitchLocked()
    {
        // Never onto a stream the server has not confirmed: it may still refuse the topic (the rotation then gives up
        // and the old stream must still be the consumer's), and its confirmation must not reach the consumer.
        if (_next is not { Confirmed.IsCompletedSuccessfully: true } || _buffer is not { Count: > 0 } buffer)
        {
            return;
        }

        // The switch waits until the old stream has delivered the new stream's first item: from there on, the new
        // stream holds everything the consumer has not seen.
        if (!_hasLast || !TryRead(buffer[0].Message, out var first) || !TryRead(_lastDelivered, out var last) || last >= first)
        {
            SwitchLocked();
        }
    }

    private void SwitchLocked()
    {
        _retired = _current;
        _current = _next;
        _next = null;
        var buffered = _buffer ?? [];
        _buffer = null;
        _filtering = _sequence is not null && _hasLast;
        if (_interrupted)
        {
            // The old stream said Reconnecting before the handover began: the new connection is its restoration.
            Deliver(new SubscriptionItem(SubscriptionItemKind.Restored, Topic, default, $"handed over to connection {_current?.Connection.Client.GetDiagnostics().ConnectionId}"));
        }

        foreach (var item in buffered)
        {
            Deliver(item);
        }

        _switched.TrySetResult();
    }

    /// <summary>Writes an item to the consumer; right after a switch, data already delivered is dropped.</summary>
    private void Deliver(in SubscriptionItem item)
    {
        if (item.IsData)
        {
            if (_filtering)
            {
                if (IsDelivered(item.Message))
                {
                    return;
                }

                // The first new item: from here the stream is the new connection's own, in order.
                _filtering = false;
            }

            _lastDelivered = item.Message;
            _hasLast = true;
        }
        else
        {
            // After a marker the sequence may start anywhere (a fresh subscription): never compare across it.
            _hasLast = false;
            _interrupted = item.Kind == SubscriptionItemKind.Reconnecting;
        }

        if (!_queue.Enqueue(item))
        {
            ZenTelemetry.RecordDrop();
        }
    }

    private bool IsDelivered(in ZenMessage message)
    {
        if (!_hasLast || !TryRead(message, out var sequence) || !TryRead(_lastDelivered, out var last))
        {
            return false;
        }

        return sequence < last || (sequence == last && message.Data.Span.SequenceEqual(_lastDelivered.Data.Span));
    }

    private bool TryRead(in ZenMessage message, out long sequence)
    {
        sequence = 0;
        return _sequence is not null && _sequence(Topic, message.Data.Span, out sequence);
    }
}
