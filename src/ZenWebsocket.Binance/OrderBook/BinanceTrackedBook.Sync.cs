namespace ZenWebsocket.Binance;

public sealed partial class BinanceTrackedBook
{
    private readonly List<BinanceDepthUpdate> _buffer = [];

    // Bumped whenever a synchronization is abandoned, so the answer of a snapshot fetched for it is ignored.
    private int _generation;
    private bool _fetching;
    private int _attempts;
    private Task _fetch = Task.CompletedTask;

    /// <summary>Step 1: buffer events; the first one starts the snapshot fetch.</summary>
    private void Buffer(BinanceDepthUpdate update)
    {
        if (_buffer.Count >= _options.MaxBufferedEvents)
        {
            // The snapshot takes too long to come: start over from this event rather than hold an unbounded backlog.
            Log.BookBufferFull(_logger, Symbol, _buffer.Count);
            _buffer.Clear();
            _generation++;
            _fetching = false;
        }

        _buffer.Add(update);
        if (!_fetching)
        {
            StartFetch(TimeSpan.Zero);
        }
    }

    private void StartFetch(TimeSpan delay)
    {
        _fetching = true;
        var generation = _generation;
        Volatile.Write(ref _fetch, Task.Run(() => FetchAsync(generation, delay)));
    }

    private async Task FetchAsync(int generation, TimeSpan delay)
    {
        CancellationToken token;
        try
        {
            token = _stop.Token;
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _time, token).ConfigureAwait(false);
            }

            BinanceDepthSnapshot snapshot;
            await _snapshotGate.WaitAsync(token).ConfigureAwait(false);
            try
            {
                Interlocked.Increment(ref _snapshotFetches);
                snapshot = await _rest.GetDepthAsync(Symbol, _options.SnapshotLimit, token).ConfigureAwait(false);
            }
            finally
            {
                _snapshotGate.Release();
            }

            Post(new Input(InputKind.Snapshot, Snapshot: snapshot, Generation: generation));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            Post(new Input(InputKind.SnapshotFailed, Error: error, Generation: generation));
        }
    }

    /// <summary>Steps 2 to 5: check the snapshot against the buffer, load it, apply what it does not cover.</summary>
    private void OnSnapshot(BinanceDepthSnapshot snapshot)
    {
        _fetching = false;
        _attempts++;
        var firstU = _buffer[0].FirstUpdateId;
        if (snapshot.LastUpdateId < firstU)
        {
            // Step 2: the snapshot predates the first buffered event, so events between them are unknown.
            Log.BookSnapshotTooOld(_logger, Symbol, snapshot.LastUpdateId, firstU, _attempts);
            RetryOrFail($"snapshot {snapshot.LastUpdateId} stayed older than the stream (first U {firstU})", null);
            return;
        }

        var applied = 0;
        var holeAt = -1;
        lock (_bookLock)
        {
            _book.Load(snapshot);
            for (var i = 0; i < _buffer.Count && holeAt < 0; i++)
            {
                switch (_book.Apply(_buffer[i]))
                {
                    case BinanceBookApplyResult.Applied:
                        applied++;
                        break;
                    case BinanceBookApplyResult.Gap:
                        holeAt = i;
                        break;
                }
            }
        }

        if (holeAt >= 0)
        {
            // The buffer itself has a hole after the snapshot: keep what follows it and fetch again.
            _buffer.RemoveRange(0, holeAt);
            Log.BookGap(_logger, Symbol, $"buffered event U {_buffer[0].FirstUpdateId} does not follow the snapshot or the event before it");
            RetryOrFail("buffered events did not line up with the snapshots", null);
            return;
        }

        _buffer.Clear();
        _attempts = 0;
        SetPhase(BinanceBookState.Live);
        Interlocked.Increment(ref _syncs);
        var updateId = LastUpdateId ?? snapshot.LastUpdateId;
        Log.BookSynced(_logger, Symbol, updateId, snapshot.LastUpdateId, applied);
        Emit(BinanceBookItemKind.Synced, updateId);
    }

    private void OnSnapshotFailed(Exception error)
    {
        _fetching = false;
        _attempts++;
        Log.BookSnapshotFailed(_logger, Symbol, _attempts, error.Message);
        if (error is ZenWebSocketException { IsTransient: true } or HttpRequestException)
        {
            RetryOrFail("the snapshot could not be fetched: " + error.Message, (error as ZenWebSocketException)?.RetryAfter);
        }
        else
        {
            Fail("the snapshot was refused: " + error.Message);
        }
    }

    private void RetryOrFail(string reason, TimeSpan? retryAfter)
    {
        if (_attempts >= _options.MaxSnapshotAttempts)
        {
            Fail($"{reason} after {_attempts} attempt(s)");
            return;
        }

        StartFetch(retryAfter ?? _options.SnapshotRetryDelay * _attempts);
    }

    /// <summary>Discards the book and the buffer and starts over (step 1), with a Gap marker when something was lost.</summary>
    private void Resync(string reason, string? detail, BinanceDepthUpdate? firstEvent)
    {
        var hadSomething = Phase == BinanceBookState.Live || _buffer.Count > 0 || _fetching;
        lock (_bookLock)
        {
            _book.Reset();
        }

        _buffer.Clear();
        _generation++;
        _fetching = false;
        _attempts = 0;
        if (hadSomething)
        {
            var text = detail is null ? reason : reason + ": " + detail;
            Interlocked.Increment(ref _gaps);
            Log.BookGap(_logger, Symbol, text);
            Emit(BinanceBookItemKind.Gap, 0, detail: text);
        }

        if (Phase != BinanceBookState.Syncing)
        {
            SetPhase(BinanceBookState.Resyncing);
        }

        if (firstEvent is not null)
        {
            Buffer(firstEvent);
        }
    }

    private void Fail(string reason)
    {
        if (Phase == BinanceBookState.Failed)
        {
            return;
        }

        _generation++;
        lock (_bookLock)
        {
            _book.Reset();
        }

        SetPhase(BinanceBookState.Failed);
        Log.BookFailed(_logger, Symbol, reason);
        Emit(BinanceBookItemKind.Failed, 0, detail: reason);
        _items.Writer.TryComplete();
    }
}
