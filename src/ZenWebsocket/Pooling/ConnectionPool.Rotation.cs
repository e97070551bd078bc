using System.Net.WebSockets;

namespace ZenWebsocket;

public sealed partial class ConnectionPool
{
    private long _rotations;

    /// <summary>Gets how many rotations completed (a connection replaced make-before-break).</summary>
    public long Rotations => Interlocked.Read(ref _rotations);

    /// <summary>
    /// Replaces a connection make-before-break: a new connection is opened, every topic of the old one is subscribed
    /// on it and acknowledged, each subscriber switches to it where the two streams meet (by
    /// <see cref="ConnectionPoolOptions.Sequence"/>: no gap, no duplicate, no marker), then the old connection is closed.
    /// Runs on its own on <see cref="ConnectionPoolOptions.RotationInterval"/> and on
    /// <see cref="ConnectionPoolOptions.RotationSignal"/>.
    /// </summary>
    /// <param name="connection">A connection of this pool.</param>
    /// <param name="cancellationToken">Cancels the rotation before the switch (the old connection then stays).</param>
    /// <returns><see langword="true"/> when the connection was replaced; <see langword="false"/> when a rotation of it
    /// already runs, or the replacement could not take its topics (the old connection then stays, logged).</returns>
    public async Task<bool> RotateAsync(PooledConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (!connection.TryRetire())
        {
            return false;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);

        // The topics are registered on the replacement before it connects, so its connect subscribes them all in
        // batches (a few control messages) instead of one message per topic at the throttled rate.
        var replacement = Create();
        PoolTopic[] entries = [];
        List<PoolSubscription> moving = [];
        try
        {
            (entries, moving) = await HandOverTopicsAsync(connection, replacement, linked.Token).ConfigureAwait(false);
            await replacement.Client.ConnectAsync(linked.Token).ConfigureAwait(false);
            Adopt(replacement);
            if (!_options.Subscriptions.AutoRestore && replacement.Subscriptions is { } subscriptions)
            {
                await subscriptions.RestoreAsync(linked.Token).ConfigureAwait(false);
            }

            await Task.WhenAll(moving.Select(s => s.HandoverConfirmed)).WaitAsync(ConfirmationBound(entries.Length), _options.Client.TimeProvider, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ZenWebSocketException or OperationCanceledException or TimeoutException)
        {
            Log.PoolRotationFailed(_logger, connection.Slot, ex.Message);
            await UndoHandOverAsync(connection, replacement, entries, moving).ConfigureAwait(false);
            connection.CancelRetire();
            if (!connection.IsAlive && !_stop.IsCancellationRequested && connection.TryMarkDown())
            {
                // It died while we tried: the ordinary path moves its topics (with markers).
                _ = HandleDownAsync(connection, StateChangeReason.TransportError);
            }

            return false;
        }

        await WaitForSwitchesAsync(moving).ConfigureAwait(false);
        Forget(connection);
        Interlocked.Increment(ref _rotations);
        try
        {
            await connection.Client.CloseAsync(WebSocketCloseStatus.NormalClosure, "rotated", CancellationToken.None).ConfigureAwait(false);
        }
        catch (ZenWebSocketException)
        {
            // Already gone: nothing to close.
        }

        foreach (var subscription in moving)
        {
            await subscription.ReleaseRetiredAsync().ConfigureAwait(false);
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        Log.PoolRotated(_logger, connection.Slot, replacement.Slot, moving.Select(s => s.Topic).Distinct(StringComparer.Ordinal).Count());
        return true;
    }

    private void RotateInBackground(PooledConnection connection, string why)
    {
        if (Volatile.Read(ref _disposed) != 0 || connection.IsRetiring)
        {
            return;
        }

        Log.PoolRotating(_logger, connection.Slot, why);
        _ = Task.Run(async () =>
        {
            try
            {
                await RotateAsync(connection).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // The pool closed meanwhile.
            }
        });
    }

    /// <summary>How long the replacement may take to confirm its topics: the acknowledgement timeout plus the paced
    /// restore of every batch, plus the overlap allowance.</summary>
    private TimeSpan ConfirmationBound(int topics)
    {
        var batches = Math.Max(1, (topics + _options.Subscriptions.RestoreBatchSize - 1) / _options.Subscriptions.RestoreBatchSize);
        return _options.Subscriptions.AckTimeout + TimeSpan.FromSeconds(batches / _options.Subscriptions.RestoreMessagesPerSecond) + _options.HandoverTimeout;
    }

    /// <summary>Gives the topics back to the old connection after a failed rotation and closes the replacement.</summary>
    private async Task UndoHandOverAsync(PooledConnection old, PooledConnection replacement, PoolTopic[] entries, List<PoolSubscription> moving)
    {
        foreach (var subscriber in moving)
        {
            await subscriber.AbortHandoverAsync().ConfigureAwait(false);
        }

        await _topicsGate.WaitAsync().ConfigureAwait(false);
        try
        {
            foreach (var entry in entries.Where(e => ReferenceEquals(e.Connection, replacement)))
            {
                entry.Connection = old;
                old.AddTopic();
                replacement.RemoveTopic();
            }
        }
        finally
        {
            _topicsGate.Release();
        }

        replacement.TryRetire();
        Forget(replacement);
        await replacement.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Registers every topic of the old connection on the replacement, moves the topics to it (later
    /// subscribers join there) and starts each overlap.</summary>
    private async Task<(PoolTopic[] Entries, List<PoolSubscription> Moving)> HandOverTopicsAsync(PooledConnection old, PooledConnection replacement, CancellationToken cancellationToken)
    {
        await _topicsGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var entries = _topics.Values.Where(t => ReferenceEquals(t.Connection, old)).ToArray();
            var subscribers = entries.SelectMany(e => e.Subscribers).ToList();
            try
            {
                // Subscribers of one topic share one wire subscription: the first sends it, the others join.
                await Task.WhenAll(subscribers.Select(s => s.BeginHandoverAsync(replacement, cancellationToken))).ConfigureAwait(false);
            }
            catch
            {
                foreach (var subscriber in subscribers)
                {
                    await subscriber.AbortHandoverAsync().ConfigureAwait(false);
                }

                throw;
            }

            foreach (var entry in entries)
            {
                entry.Connection = replacement;
                replacement.AddTopic();
                old.RemoveTopic();
            }

            return (entries, subscribers);
        }
        finally
        {
            _topicsGate.Release();
        }
    }

    /// <summary>Waits until every subscriber switched, at most <see cref="ConnectionPoolOptions.HandoverTimeout"/>; the
    /// rest switch now.</summary>
    private async Task WaitForSwitchesAsync(List<PoolSubscription> moving)
    {
        try
        {
            await Task.WhenAll(moving.Select(s => s.Switched)).WaitAsync(_options.HandoverTimeout, _options.Client.TimeProvider, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // Quiet topics: nothing to compare, so the new stream simply takes over.
        }

        foreach (var subscription in moving)
        {
            subscription.ForceSwitch();
        }
    }
}
