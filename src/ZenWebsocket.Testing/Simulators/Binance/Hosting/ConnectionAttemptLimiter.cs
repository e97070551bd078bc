namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>WebSocket connection attempts per client IP in a sliding window (B.2: 300 per 5 minutes, both roles).</summary>
internal sealed class ConnectionAttemptLimiter(BinanceSimulatorOptions options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _attempts = new(StringComparer.Ordinal);

    /// <summary>Counts one attempt; false when it is over the limit (the handshake gets 429).</summary>
    public bool TryAttempt(string ip)
    {
        if (options.MaxConnectionAttempts == 0)
        {
            return true;
        }

        var now = options.TimeProvider.GetUtcNow();
        lock (_lock)
        {
            if (!_attempts.TryGetValue(ip, out var attempts))
            {
                attempts = new Queue<DateTimeOffset>();
                _attempts[ip] = attempts;
            }

            while (attempts.Count > 0 && now - attempts.Peek() >= options.ConnectionAttemptWindow)
            {
                attempts.Dequeue();
            }

            attempts.Enqueue(now);
            return attempts.Count <= options.MaxConnectionAttempts;
        }
    }
}
