namespace ZenWebsocket;

public sealed partial class SubscriptionManager
{
    private long _nextSendTimestamp;

    /// <summary>
    /// Subscribes every desired topic again (call it when the session is ready, after authentication, when
    /// <see cref="SubscriptionManagerOptions.AutoRestore"/> is off). Batches go out at the configured message rate with
    /// bounded concurrency; each is confirmed, and each topic's stream gets a Restored (or Failed) marker.
    /// </summary>
    /// <param name="cancellationToken">Cancels the restore.</param>
    /// <returns>How many topics were restored and how many failed.</returns>
    public async Task<(int Restored, int Failed)> RestoreAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _registry.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var entries = _topics.Values.Where(e => e.State == SubscriptionState.Restoring).ToList();
            if (entries.Count == 0)
            {
                return (0, 0);
            }

            Interlocked.Increment(ref _restores);
            using var concurrency = new SemaphoreSlim(_options.RestoreConcurrency);
            var batches = entries.Chunk(_options.RestoreBatchSize).Select(async batch =>
            {
                await concurrency.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await SubscribeOnWireAsync(batch, restoring: true, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    concurrency.Release();
                }
            });
            await Task.WhenAll(batches).ConfigureAwait(false);
            return (entries.Count(e => e.State == SubscriptionState.Active), entries.Count(e => e.State == SubscriptionState.Failed));
        }
        finally
        {
            _registry.Release();
        }
    }

    /// <summary>Sends requests (a restore at the per-connection message rate) and reports each acknowledgement.</summary>
    private async Task SendAsync(
        IReadOnlyList<SubscriptionRequest> requests,
        bool unsubscribe,
        Action<SubscriptionRequest, IReadOnlyCollection<string>?, ZenWebSocketException?>? settle = null,
        bool paced = false,
        CancellationToken cancellationToken = default)
    {
        var acknowledgements = new List<Task>(requests.Count);
        foreach (var request in requests)
        {
            if (paced)
            {
                await PaceAsync(cancellationToken).ConfigureAwait(false);
            }

            acknowledgements.Add(AcknowledgeAsync(request, unsubscribe, settle, cancellationToken));
        }

        await Task.WhenAll(acknowledgements).ConfigureAwait(false);
    }

    private async Task AcknowledgeAsync(SubscriptionRequest request, bool unsubscribe, Action<SubscriptionRequest, IReadOnlyCollection<string>?, ZenWebSocketException?>? settle, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _rpc.RequestRawAsync(request.Method, request.Params, new RequestOptions { Timeout = _options.AckTimeout, Idempotent = true }, cancellationToken).ConfigureAwait(false);
            settle?.Invoke(request, _dialect.ReadConfirmed(response.Result, request.Topics), null);
        }
        catch (ZenWebSocketException error)
        {
            if (unsubscribe)
            {
                Log.UnsubscribeFailed(_logger, string.Join(',', request.Topics), error.Message);
            }

            settle?.Invoke(request, null, error);
        }
    }

    /// <summary>Keeps sends at most <see cref="SubscriptionManagerOptions.RestoreMessagesPerSecond"/> apart, on the client's clock.</summary>
    private async Task PaceAsync(CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromSeconds(1 / _options.RestoreMessagesPerSecond);
        var now = _time.GetTimestamp();
        var slot = Math.Max(now, Interlocked.Read(ref _nextSendTimestamp));
        Interlocked.Exchange(ref _nextSendTimestamp, slot + (long)(interval.TotalSeconds * _time.TimestampFrequency));
        // Below a millisecond no timer is precise anyway; skipping such waits also keeps very high rates free of timers.
        var wait = _time.GetElapsedTime(now, slot);
        if (wait >= TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
