namespace ZenWebsocket;

/// <summary>Stamps the time of the last byte read from the socket: pings, pongs and data all count as life.</summary>
internal sealed class LivenessClock
{
    private readonly TimeProvider _time;
    private long _lastRead;
    private long _bytesRead;

    public LivenessClock(TimeProvider time)
    {
        _time = time;
        _lastRead = time.GetTimestamp();
    }

    public long LastRead => Volatile.Read(ref _lastRead);

    public long BytesRead => Interlocked.Read(ref _bytesRead);

    public void Stamp(int bytes)
    {
        Volatile.Write(ref _lastRead, _time.GetTimestamp());
        Interlocked.Add(ref _bytesRead, bytes);
    }
}
