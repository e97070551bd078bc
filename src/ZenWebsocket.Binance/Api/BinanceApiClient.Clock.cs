namespace ZenWebsocket.Binance;

public sealed partial class BinanceApiClient
{
    private readonly Lock _clockLock = new();
    private long _offsetMs;
    private ITimer? _clockTimer;
    private long _clockGeneration;

    /// <summary>Gets the measured offset of the server's clock from the local one (server minus local); zero before
    /// the first measurement or with <see cref="BinanceApiClientOptions.ClockSync"/> off.</summary>
    public TimeSpan ClockOffset => TimeSpan.FromMilliseconds(Interlocked.Read(ref _offsetMs));

    /// <summary>Gets the server's current time as the client estimates it: the local clock plus <see cref="ClockOffset"/>.</summary>
    public DateTimeOffset ServerNow => _time.GetUtcNow() + ClockOffset;

    /// <summary>Measures the clock offset now (<c>time</c>, weight 1) and applies it to later timestamps.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The new offset (server minus local).</returns>
    public async Task<TimeSpan> SyncClockAsync(CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        var sentAt = _time.GetUtcNow();
        var time = await RequestAsync("time", RpcParams.None, BinanceApiJson.Default.BinanceServerTime, s_query, cancellationToken).ConfigureAwait(false);
        return ApplyOffset(time.ServerTime, sentAt, _time.GetElapsedTime(started));
    }

    /// <summary>The timestamp of a request written now: local time plus the measured offset, in ms.</summary>
    private long ServerNowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds() + Interlocked.Read(ref _offsetMs);

    private async Task MeasureOffsetAsync(AdapterSession session, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var sentAt = _time.GetUtcNow();
        var time = await session.RequestAsync("time", RpcParams.None, BinanceApiJson.Default.BinanceServerTime, s_query, cancellationToken).ConfigureAwait(false);
        ApplyOffset(time.ServerTime, sentAt, _time.GetElapsedTime(started));
    }

    /// <summary>The server read its clock about halfway through the round trip: offset = server time − that moment.</summary>
    private TimeSpan ApplyOffset(long serverTime, DateTimeOffset sentAt, TimeSpan roundTrip)
    {
        var midpoint = (sentAt + (roundTrip / 2)).ToUnixTimeMilliseconds();
        var offset = serverTime - midpoint;
        Interlocked.Exchange(ref _offsetMs, offset);
        Log.ApiClockOffsetMeasured(_logger, offset, roundTrip.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(offset);
    }

    private void ArmClockSync()
    {
        if (!_clockSync || _clockSyncInterval <= TimeSpan.Zero)
        {
            return;
        }

        ITimer? old;
        lock (_clockLock)
        {
            var generation = ++_clockGeneration;
            old = _clockTimer;
            _clockTimer = _time.CreateTimer(static state => ((ClockState)state!).Fire(), new ClockState(this, generation), _clockSyncInterval, _clockSyncInterval);
        }

        old?.Dispose();
    }

    private void StopClockSync()
    {
        ITimer? timer;
        lock (_clockLock)
        {
            _clockGeneration++;
            timer = _clockTimer;
            _clockTimer = null;
        }

        timer?.Dispose();
    }

    private async Task ResyncAsync(long generation)
    {
        if (generation != Interlocked.Read(ref _clockGeneration) || State != AdapterState.Ready)
        {
            return;
        }

        try
        {
            await SyncClockAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed re-measurement is not fatal: the last offset stays and the next connect measures afresh.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ApiClockSyncFailed(_logger, ex.Message);
        }
    }

    private sealed class ClockState(BinanceApiClient client, long generation)
    {
        public void Fire() => _ = client.ResyncAsync(generation);
    }
}
