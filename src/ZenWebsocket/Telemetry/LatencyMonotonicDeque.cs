namespace ZenWebsocket;

/// <summary>
/// The exact maximum (or minimum) of a first-in, first-out window in amortized O(1): a deque of sample sequence
/// numbers whose values only decrease (for the maximum) from front to back. A new sample pops every sample behind it
/// that it beats, since those can never be the extreme again while it is in the window.
/// </summary>
internal sealed class LatencyMonotonicDeque
{
    private readonly long[] _seqs;
    private readonly bool _max;
    private int _front;
    private int _count;

    public LatencyMonotonicDeque(int capacity, bool max)
    {
        _seqs = new long[capacity];
        _max = max;
    }

    /// <summary>Gets the sequence number of the extreme sample; only valid when the window is not empty.</summary>
    public long Front => _seqs[_front];

    /// <summary>Adds sample <paramref name="seq"/>; <paramref name="ring"/> holds sample <c>s</c> at <c>s % ring.Length</c>.</summary>
    public void Push(long seq, long value, long[] ring)
    {
        while (_count > 0)
        {
            var back = _seqs[(_front + _count - 1) % _seqs.Length];
            var other = ring[back % ring.Length];
            if (_max ? other > value : other < value)
            {
                break;
            }

            _count--;
        }

        _seqs[(_front + _count) % _seqs.Length] = seq;
        _count++;
    }

    /// <summary>Drops samples older than <paramref name="oldestSeq"/>, which just left the window.</summary>
    public void EvictBefore(long oldestSeq)
    {
        while (_count > 0 && _seqs[_front] < oldestSeq)
        {
            _front = (_front + 1) % _seqs.Length;
            _count--;
        }
    }

    public void Clear()
    {
        _front = 0;
        _count = 0;
    }
}
