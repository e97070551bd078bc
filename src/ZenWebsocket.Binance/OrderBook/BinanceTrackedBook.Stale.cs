namespace ZenWebsocket.Binance;

public sealed partial class BinanceTrackedBook
{
    private readonly ITimer _staleTimer;
    private long _lastDataTimestamp;

    private void ArmStaleTimer()
    {
        Volatile.Write(ref _lastDataTimestamp, _time.GetTimestamp());
        if (_options.StaleAfter != Timeout.InfiniteTimeSpan)
        {
            _staleTimer.Change(_options.StaleAfter, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>An event arrived: restart the silence clock and clear a stale state.</summary>
    private void MarkFresh()
    {
        ArmStaleTimer();
        Volatile.Write(ref _stale, 0);
    }

    private void OnStaleTimer() => Post(new Input(InputKind.StaleCheck));

    private void OnStaleCheck()
    {
        var silence = _time.GetElapsedTime(Volatile.Read(ref _lastDataTimestamp));

        if (Volatile.Read(ref _stale) == 1 || Phase == BinanceBookState.Failed)
        {
            return;
        }

        // The check runs behind queued events, and a timer may fire a hair early: only a silence that is still long
        // enough counts; otherwise look again when it would be.
        if (silence < _options.StaleAfter)
        {
            _staleTimer.Change(_options.StaleAfter - silence, Timeout.InfiniteTimeSpan);
            return;
        }

        Volatile.Write(ref _stale, 1);
        Log.BookStale(_logger, Symbol, silence);
        Emit(BinanceBookItemKind.Stale, LastUpdateId ?? 0, detail: $"no event for {silence}");
    }
}
