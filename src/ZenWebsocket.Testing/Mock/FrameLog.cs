namespace ZenWebsocket.Testing;

/// <summary>
/// A bounded, ordered capture of frames with awaitable expectations. Arrivals complete matching
/// waiters directly, so <see cref="ExpectAsync"/> never polls.
/// </summary>
internal sealed class FrameLog(int capacity)
{
    private const int FramesShownOnTimeout = 5;
    private readonly Lock _lock = new();
    private readonly Queue<MockFrame> _frames = new();
    private readonly List<(MessageMatcher Matcher, TaskCompletionSource<MockFrame> Done)> _waiters = [];
    private long _total;

    public IReadOnlyList<MockFrame> Snapshot()
    {
        lock (_lock)
        {
            return _frames.ToArray();
        }
    }

    public void Add(MockFrame frame)
    {
        lock (_lock)
        {
            _total++;
            _frames.Enqueue(frame);
            if (_frames.Count > capacity)
            {
                _frames.Dequeue();
            }

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                var (matcher, done) = _waiters[i];
                if (SafeMatch(matcher, frame))
                {
                    done.TrySetResult(frame);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    public async Task<MockFrame> ExpectAsync(MessageMatcher matcher, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        Timeouts.Validate(timeout);
        (MessageMatcher Matcher, TaskCompletionSource<MockFrame> Done) waiter;
        lock (_lock)
        {
            foreach (var frame in _frames)
            {
                if (SafeMatch(matcher, frame))
                {
                    return frame;
                }
            }

            waiter = (matcher, new TaskCompletionSource<MockFrame>(TaskCreationOptions.RunContinuationsAsynchronously));
            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Done.Task.WaitAsync(timeout, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            lock (_lock)
            {
                _waiters.Remove(waiter);
            }

            if (ex is TimeoutException)
            {
                throw new TimeoutException(DescribeTimeout(matcher, timeout));
            }

            throw;
        }
    }

    private string DescribeTimeout(MessageMatcher matcher, TimeSpan timeout)
    {
        lock (_lock)
        {
            var last = _frames.Skip(Math.Max(0, _frames.Count - FramesShownOnTimeout)).ToArray();
            var seen = last.Length == 0
                ? "No frames were received."
                : $"Received {_total} frame(s); the last {last.Length}:{Environment.NewLine}  "
                    + string.Join(Environment.NewLine + "  ", last.Select(f => f.ToString()));
            return $"Timed out after {timeout} waiting for a message matching {matcher}. {seen}";
        }
    }

    // A throwing user predicate counts as "no match" rather than tearing down the receive loop.
    private static bool SafeMatch(MessageMatcher matcher, MockFrame frame)
    {
        try
        {
            return matcher.IsMatch(frame);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }
    }
}
