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
        PooledConnection? replacement = null;
        List<PoolSubscription> moving = [];
        try
        {
            replacement = await OpenAsync(linked.Token).ConfigureAwait(false)
                ?? throw new ZenSendException(SendFailure.NotConnected, "The replacement connection could not connect.");
            moving = await HandOverTopicsAsync(connection, replacement, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ZenWebSocketException or OperationCanceledException)
        {
            Log.PoolRotationFailed(_logger, connection.Slot, ex.Message);
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

    /// <summary>Subscribes every topic of the old connection on the replacement (acknowledged) and starts each overlap.</summary>
    private async Task<List<PoolSubscription>> HandOverTopicsAsync(PooledConnection old, PooledConnection replacement, CancellationToken cancellationToken)
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

            return subscribers;
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
