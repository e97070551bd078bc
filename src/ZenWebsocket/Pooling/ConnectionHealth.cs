namespace ZenWebsocket;

/// <summary>How fit a pooled connection is to take the next request.</summary>
/// <param name="Score">0 (unusable) to 100 (idle, fast, no recent errors).</param>
/// <param name="State">The connection state (anything but Connected scores 0).</param>
/// <param name="Pending">Requests waiting for a response.</param>
/// <param name="P99">The 99th percentile request round trip over the recent window.</param>
/// <param name="RecentErrors">Errors, fading with <see cref="ConnectionPoolOptions.ErrorDecay"/>.</param>
/// <param name="Topics">Topics carried.</param>
public sealed record ConnectionHealth(int Score, ConnectionState State, int Pending, TimeSpan P99, double RecentErrors, int Topics)
{
    /// <summary>Scores a connection: <c>100 − min(10·pending, 40) − min(p99 ms / 25, 30) − min(15·errors, 20)</c>, 0 unless connected.</summary>
    /// <param name="state">The state.</param>
    /// <param name="pending">Pending requests.</param>
    /// <param name="p99">Recent p99 round trip.</param>
    /// <param name="recentErrors">Decayed error count.</param>
    /// <param name="topics">Topics carried.</param>
    /// <returns>The health.</returns>
    public static ConnectionHealth Compute(ConnectionState state, int pending, TimeSpan p99, double recentErrors, int topics)
    {
        if (state != ConnectionState.Connected)
        {
            return new ConnectionHealth(0, state, pending, p99, recentErrors, topics);
        }

        var score = 100
            - Math.Min(pending * 10, 40)
            - Math.Min((int)(p99.TotalMilliseconds / 25), 30)
            - Math.Min((int)Math.Round(recentErrors * 15), 20);
        return new ConnectionHealth(Math.Max(score, 1), state, pending, p99, recentErrors, topics);
    }
}
