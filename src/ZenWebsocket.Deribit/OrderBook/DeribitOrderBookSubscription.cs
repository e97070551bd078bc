namespace ZenWebsocket.Deribit;

/// <summary>
/// A maintained local order book fed by a <c>book.{instrument}.{interval}</c> subscription of a
/// <see cref="DeribitAdapter"/>. On a <c>change_id</c> break it writes a <see cref="SubscriptionItemKind.Gap"/> marker
/// into the topic's streams, drops the book and resubscribes on the wire (unsubscribe + subscribe) for a fresh snapshot (A.6.1);
/// after a reconnect the restored subscription starts with a snapshot.
/// </summary>
public sealed class DeribitOrderBookSubscription : IAsyncDisposable
{
    private readonly DeribitAdapter _adapter;
    private readonly DeribitOrderBook _book;
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly AdapterSubscription _handle;
    private Task _pump = Task.CompletedTask;
    private int _gaps;
    private int _snapshots;

    internal DeribitOrderBookSubscription(DeribitAdapter adapter, string instrumentName, string topic, AdapterSubscription handle)
    {
        _adapter = adapter;
        _book = new DeribitOrderBook(instrumentName);
        Topic = topic;
        _handle = handle;
    }

    /// <summary>Raised after each update is applied, with what it did, on the book's own reader (not the receive loop).</summary>
    public event EventHandler<DeribitBookApplyResult>? Updated;

    /// <summary>Gets the channel name.</summary>
    public string Topic { get; }

    /// <summary>Gets the instrument name.</summary>
    public string InstrumentName => _book.InstrumentName;

    /// <summary>Gets how many gaps were detected (each followed by a resubscription).</summary>
    public int Gaps => Volatile.Read(ref _gaps);

    /// <summary>Gets how many snapshots were applied.</summary>
    public int Snapshots => Volatile.Read(ref _snapshots);

    /// <summary>Gets whether the book is synchronized (a snapshot and every change since).</summary>
    public bool IsSynchronized
    {
        get
        {
            lock (_lock)
            {
                return _book.IsSynchronized;
            }
        }
    }

    /// <summary>Gets the last applied change id; <see langword="null"/> when not synchronized.</summary>
    public long? ChangeId
    {
        get
        {
            lock (_lock)
            {
                return _book.ChangeId;
            }
        }
    }

    /// <summary>Returns the best bid and ask.</summary>
    /// <returns>The best levels, <see langword="null"/> where a side is empty.</returns>
    public (KeyValuePair<decimal, decimal>? Bid, KeyValuePair<decimal, decimal>? Ask) GetBest()
    {
        lock (_lock)
        {
            return (_book.BestBid, _book.BestAsk);
        }
    }

    /// <summary>Returns a copy of the top levels of both sides.</summary>
    /// <param name="depth">The most levels per side.</param>
    /// <returns>Bids and asks, best first.</returns>
    public (IReadOnlyList<KeyValuePair<decimal, decimal>> Bids, IReadOnlyList<KeyValuePair<decimal, decimal>> Asks) GetLevels(int depth = 10)
    {
        lock (_lock)
        {
            return (_book.GetBids(depth), _book.GetAsks(depth));
        }
    }

    /// <summary>Stops maintaining the book and unsubscribes.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _pump.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await _handle.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    internal void Start() => _pump = Task.Run(PumpAsync);

    private async Task PumpAsync()
    {
        var token = _stop.Token;
        await foreach (var item in _handle.ReadAllAsync(token).ConfigureAwait(false))
        {
            if (!item.IsData)
            {
                if (item.Kind is SubscriptionItemKind.Reconnecting or SubscriptionItemKind.Restored)
                {
                    // A restored subscription starts with a snapshot.
                    lock (_lock)
                    {
                        _book.Reset();
                    }
                }

                continue;
            }

            DeribitBookApplyResult result;
            long? lastChangeId;
            lock (_lock)
            {
                lastChangeId = _book.ChangeId;
                result = _book.Apply(DeribitNotifications.ReadBook(item.Message));
            }

            if (result == DeribitBookApplyResult.Snapshot)
            {
                Interlocked.Increment(ref _snapshots);
            }
            else if (result == DeribitBookApplyResult.Gap)
            {
                Interlocked.Increment(ref _gaps);
                _adapter.MarkGap(Topic, $"change_id break after {lastChangeId}: resubscribing for a fresh snapshot");
            }

            Updated?.Invoke(this, result);
            if (result == DeribitBookApplyResult.Gap)
            {
                await ResubscribeAsync(token).ConfigureAwait(false);
            }
        }
    }

    private async Task ResubscribeAsync(CancellationToken cancellationToken)
    {
        // Deribit's guidance (A.6.1): unsubscribe and subscribe again on the wire; the first message after it is a
        // fresh snapshot. Sent directly so every handle of the topic keeps its stream (and sees the Gap marker); the
        // subscription registry is unchanged, and a reconnect meanwhile restores the channel anyway.
        var method = DeribitSubscriptionDialect.IsPrivate(Topic) ? "private/" : "public/";
        var channels = RpcParams.Create(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("channels");
            w.WriteStringValue(Topic);
            w.WriteEndArray();
            w.WriteEndObject();
        });
        try
        {
            await _adapter.RequestRawAsync(method + "unsubscribe", channels, cancellationToken: cancellationToken).ConfigureAwait(false);
            await _adapter.RequestRawAsync(method + "subscribe", channels, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ZenWebSocketException)
        {
            // The connection went away: the restore after the reconnect subscribes again and a snapshot follows.
        }
    }
}
