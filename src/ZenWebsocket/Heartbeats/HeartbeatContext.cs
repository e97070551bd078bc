using Microsoft.Extensions.Logging;

namespace ZenWebsocket;

/// <summary>What a heartbeat strategy may see and do on one socket connection.</summary>
internal sealed class HeartbeatContext
{
    private readonly Func<long> _lastReceived;
    private readonly Func<string, CancellationToken, ValueTask> _send;
    private readonly Action<ZenTimeoutException> _declareDead;

    public HeartbeatContext(
        TimeProvider time,
        ILogger logger,
        HeartbeatMonitor monitor,
        long connectionId,
        Func<long> lastReceived,
        Func<string, CancellationToken, ValueTask> send,
        Action<ZenTimeoutException> declareDead)
    {
        Time = time;
        Logger = logger;
        Monitor = monitor;
        ConnectionId = connectionId;
        _lastReceived = lastReceived;
        _send = send;
        _declareDead = declareDead;
    }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public HeartbeatMonitor Monitor { get; }

    public long ConnectionId { get; }

    /// <summary>Gets the timestamp of the last byte read from the socket (data, ping, pong or close).</summary>
    public long LastReceivedTimestamp => _lastReceived();

    public ValueTask SendTextAsync(string text, CancellationToken cancellationToken) => _send(text, cancellationToken);

    /// <summary>Sends without making the caller wait (used from the receive loop); failures are logged, and a
    /// failed write tears the connection down through the normal send path.</summary>
    public void SendInBackground(string text, CancellationToken cancellationToken)
    {
        _ = SendLoggedAsync(text, cancellationToken);
    }

    public void DeclareDead(TimeSpan timeout, string detail)
    {
        Monitor.RecordTimeout();
        _declareDead(new ZenTimeoutException(TimeoutKind.Heartbeat, timeout, detail));
    }

    /// <summary>Waits until the socket has been silent for <paramref name="timeout"/>, then declares it dead.</summary>
    /// <remarks>Sleeps exactly until the current deadline and re-checks, so no polling period is needed.</remarks>
    public async Task WatchSilenceAsync(TimeSpan timeout, string strategy, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var silent = Time.GetElapsedTime(LastReceivedTimestamp);
            if (silent >= timeout)
            {
                DeclareDead(timeout, $"{strategy} heartbeat: nothing received for {silent.TotalMilliseconds:0} ms (limit {timeout.TotalMilliseconds:0} ms).");
                return;
            }

            await Task.Delay(timeout - silent, Time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendLoggedAsync(string text, CancellationToken cancellationToken)
    {
        try
        {
            await _send(text, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ZenWebSocketException or OperationCanceledException)
        {
            Log.HeartbeatSendFailed(Logger, ConnectionId, ex.Message);
        }
    }
}
