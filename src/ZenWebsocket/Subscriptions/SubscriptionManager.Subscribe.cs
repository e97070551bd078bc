using System.Collections.Concurrent;

namespace ZenWebsocket;

public sealed partial class SubscriptionManager
{
    private readonly Lock _pendingLock = new();
    private List<TopicEntry> _pendingSubscribes = [];
    private bool _flushingSubscribes;

    /// <summary>
    /// Subscribes to a topic, or joins the existing wire subscription. Returns once the server acknowledged it
    /// (at once when the topic is already active). While disconnected it returns a subscription that is restored on
    /// the next connect.
    /// </summary>
    /// <param name="topic">The topic (canonicalised by the dialect).</param>
    /// <param name="options">Per-subscriber queue settings.</param>
    /// <param name="cancellationToken">Cancels the wait for the acknowledgement.</param>
    /// <returns>The subscription; dispose it to leave.</returns>
    /// <exception cref="ZenExchangeException">The server rejected the topic (it is not restored).</exception>
    /// <exception cref="ZenTimeoutException">No acknowledgement within <see cref="SubscriptionManagerOptions.AckTimeout"/>.</exception>
    public async Task<Subscription> SubscribeAsync(string topic, SubscribeOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (subscription, acknowledged) = await RegisterAsync(topic, options, cancellationToken).ConfigureAwait(false);
        try
        {
            await acknowledged.WaitAsync(cancellationToken).ConfigureAwait(false);
            return subscription;
        }
        catch
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Registers a subscriber (queuing a new topic for the wire) without waiting for the acknowledgement, so a caller
    /// that serialises its subscribes (the pool) does not serialise their acknowledgements too and new topics still
    /// go out in batches.
    /// </summary>
    /// <returns>The subscription, and the acknowledgement: it completes as <see cref="SubscribeAsync"/> would return
    /// or fails as it would throw; on a failure the caller disposes the subscription.</returns>
    internal async Task<(Subscription Subscription, Task Acknowledged)> RegisterAsync(string topic, SubscribeOptions? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        options ??= SubscribeOptions.Default;
        options.Validate();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var canonical = _dialect.Canonicalize(topic);

        Subscription subscription;
        TopicEntry entry;
        var isNew = false;
        await _registry.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_topics.TryGetValue(canonical, out entry!) || entry.State == SubscriptionState.Failed)
            {
                entry = new TopicEntry(canonical);
                _topics[canonical] = entry;
                isNew = true;
            }

            subscription = new Subscription(this, entry, options);
            entry.Add(subscription);
        }
        finally
        {
            _registry.Release();
        }

        if (isNew)
        {
            QueueSubscribe(entry);
        }

        return (subscription, entry.Acknowledged.Task);
    }

    internal async Task ReleaseAsync(Subscription subscription)
    {
        var entry = subscription.Entry;
        await _registry.WaitAsync().ConfigureAwait(false);
        try
        {
            if (entry.Remove(subscription) > 0 || !_topics.TryRemove(new KeyValuePair<string, TopicEntry>(entry.Topic, entry)))
            {
                return;
            }

            // The last subscriber left: unsubscribe on the wire, unless the server never had the topic.
            if (entry.State == SubscriptionState.Active && Volatile.Read(ref _disposed) == 0)
            {
                await SendAsync(_dialect.BuildUnsubscribe([entry.Topic]), unsubscribe: true).ConfigureAwait(false);
            }
        }
        finally
        {
            _registry.Release();
        }
    }

    /// <summary>
    /// Queues a new topic for the wire. One sender drains the queue: a topic arriving while an earlier subscribe is
    /// still waiting (for a rate limiter, for its acknowledgement) joins the next batch, so a burst of single
    /// subscribes becomes a few batched messages, as the dialect splits them, instead of one throttled message each.
    /// </summary>
    private void QueueSubscribe(TopicEntry entry)
    {
        lock (_pendingLock)
        {
            _pendingSubscribes.Add(entry);
            if (_flushingSubscribes)
            {
                return;
            }

            _flushingSubscribes = true;
        }

        _ = FlushSubscribesAsync();
    }

    private async Task FlushSubscribesAsync()
    {
        while (true)
        {
            List<TopicEntry> batch;
            lock (_pendingLock)
            {
                if (_pendingSubscribes.Count == 0)
                {
                    _flushingSubscribes = false;
                    return;
                }

                batch = _pendingSubscribes;
                _pendingSubscribes = [];
            }

            // Not a caller's token: the acknowledgement is shared by every subscriber that joins meanwhile, and a
            // caller who stops waiting must not cancel it for the others.
            try
            {
                await SubscribeOnWireAsync(batch, restoring: false, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or OperationCanceledException)
            {
                // Disposed meanwhile: its disposal ends every stream.
            }
        }
    }

    /// <summary>Sends the subscribe requests for some topics and settles each topic by its acknowledgement.</summary>
    private async Task SubscribeOnWireAsync(IReadOnlyList<TopicEntry> entries, bool restoring, CancellationToken cancellationToken = default)
    {
        var byTopic = entries.ToDictionary(e => e.Topic, e => (Entry: e, Generation: e.NextGeneration()), StringComparer.Ordinal);
        var requests = _dialect.BuildSubscribe(entries.Select(e => e.Topic).ToArray());
        var refusedTogether = new ConcurrentQueue<SubscriptionRequest>();
        await SendAsync(requests, unsubscribe: false, settle: (request, confirmed, error) =>
        {
            if (error is ZenExchangeException { IsTransient: false } && request.Topics.Count > 1)
            {
                // A venue refuses a whole message for one bad topic: the others, batched with it only because they
                // were asked for at the same time, must not fail with it. The message is split below.
                refusedTogether.Enqueue(request);
                return;
            }

            foreach (var topic in request.Topics)
            {
                // Only the latest subscribe of a topic decides it: a late failure of an older one is ignored.
                if (byTopic.TryGetValue(topic, out var sent) && sent.Entry.Generation == sent.Generation)
                {
                    Settle(sent.Entry, confirmed, error, restoring);
                }
            }
        },
        paced: restoring,
        cancellationToken: cancellationToken).ConfigureAwait(false);

        // Halves are sent again until each refused topic is alone: a few more messages, and only its own subscribers fail.
        foreach (var request in refusedTogether)
        {
            var still = request.Topics
                .Where(t => byTopic.TryGetValue(t, out var sent) && sent.Entry.Generation == sent.Generation)
                .Select(t => byTopic[t].Entry)
                .ToArray();
            if (still.Length == 0)
            {
                continue;
            }

            var half = (still.Length + 1) / 2;
            await SubscribeOnWireAsync(still[..half], restoring, cancellationToken).ConfigureAwait(false);
            if (still.Length > half)
            {
                await SubscribeOnWireAsync(still[half..], restoring, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Applies one topic's acknowledgement: active, failed (reported, not restored), or left to restore.</summary>
    private void Settle(TopicEntry entry, IReadOnlyCollection<string>? confirmed, ZenWebSocketException? error, bool restoring)
    {
        if (error is ZenConnectionLostException or ZenSendException { Failure: SendFailure.NotConnected or SendFailure.WriteFailed })
        {
            // The connection went away: the topic stays desired and is subscribed again on the next connect.
            entry.State = SubscriptionState.Restoring;
            entry.Acknowledged.TrySetResult();
            return;
        }

        if (error is null && confirmed is not null && confirmed.Contains(entry.Topic))
        {
            // Its data may have come first and restored it already: the Restored marker is written once, before any data.
            entry.Activate(announce: restoring);
            entry.Acknowledged.TrySetResult();
            return;
        }

        var failure = error ?? new ZenExchangeException(0, $"The server did not confirm '{entry.Topic}'.");
        entry.State = SubscriptionState.Failed;
        entry.Error = failure;
        _topics.TryRemove(new KeyValuePair<string, TopicEntry>(entry.Topic, entry));
        entry.Broadcast(new SubscriptionItem(SubscriptionItemKind.Failed, entry.Topic, default, failure.Message));
        entry.Acknowledged.TrySetException(failure);
        Log.SubscriptionRejected(_logger, entry.Topic, failure.Message);
    }
}
