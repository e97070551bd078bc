namespace ZenWebsocket;

/// <summary>Sends a custom ping every interval and counts a miss when neither the reply nor other data arrives in time.</summary>
internal sealed class ApplicationHeartbeat : Heartbeat
{
    private readonly ApplicationHeartbeatOptions _options;
    private long _pingSentTimestamp;
    private int _replied;

    public ApplicationHeartbeat(HeartbeatContext context, ApplicationHeartbeatOptions options)
        : base(context)
    {
        _options = options;
    }

    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        var time = Context.Time;
        var misses = 0;

        // Every timer of a cycle is armed before its ping goes out, so the cadence is exact and whoever sees the
        // ping (a test driving a fake clock) finds the reply deadline and the next tick already running.
        var nextTick = Task.Delay(_options.Interval, time, cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            await nextTick.ConfigureAwait(false);
            var sentAt = time.GetTimestamp();
            Volatile.Write(ref _replied, 0);
            Volatile.Write(ref _pingSentTimestamp, sentAt);
            nextTick = Task.Delay(_options.Interval, time, cancellationToken);
            var deadline = Task.Delay(_options.Timeout, time, cancellationToken);
            await Context.SendTextAsync(_options.Message, cancellationToken).ConfigureAwait(false);
            await deadline.ConfigureAwait(false);

            if (Volatile.Read(ref _replied) == 1 || Context.LastReceivedTimestamp > sentAt)
            {
                misses = 0;
                continue;
            }

            misses++;
            Context.Monitor.RecordMiss();
            Log.HeartbeatMissed(Context.Logger, Context.ConnectionId, misses, _options.MaxMissed);
            if (misses >= _options.MaxMissed)
            {
                Context.DeclareDead(_options.Timeout, $"Application heartbeat: {misses} consecutive ping(s) without a reply or any data within {_options.Timeout.TotalMilliseconds:0} ms.");
                return;
            }
        }
    }

    public override bool OnMessage(in ZenMessage message)
    {
        if (!_options.ReplyMatcher(message))
        {
            return false;
        }

        var sentAt = Volatile.Read(ref _pingSentTimestamp);
        if (sentAt != 0 && Interlocked.Exchange(ref _replied, 1) == 0)
        {
            Context.Monitor.RecordRoundTrip(Context.Time.GetElapsedTime(sentAt, message.ReceivedTimestamp));
        }

        return _options.ConsumeReplies;
    }
}
