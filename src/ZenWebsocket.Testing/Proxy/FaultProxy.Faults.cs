namespace ZenWebsocket.Testing;

public sealed partial class FaultProxy
{
    private readonly AsyncGate _blackhole = new();
    private long _latencyTicks;
    private int _bytesPerSecond;
    private volatile bool _refuseNew;

    /// <summary>
    /// While <see langword="true"/>, nothing is forwarded in either direction and connections stay open;
    /// new connections are accepted but not connected upstream. Data that arrives meanwhile is held (as TCP
    /// retransmission would eventually deliver it) and flows once this is set back to <see langword="false"/>.
    /// Default <see langword="false"/>.
    /// </summary>
    public bool Blackhole
    {
        get => _blackhole.IsClosed;
        set
        {
            if (value)
            {
                _blackhole.Close();
            }
            else
            {
                _blackhole.Open();
            }
        }
    }

    /// <summary>
    /// Delay added to every forwarded chunk, in each direction, on <see cref="FaultProxyOptions.TimeProvider"/>;
    /// order is preserved and chunks are pipelined (latency, not a throughput cap). Default <see cref="TimeSpan.Zero"/>.
    /// </summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            Interlocked.Exchange(ref _latencyTicks, value.Ticks);
        }
    }

    /// <summary>Caps each direction of each connection to this many bytes per second; <see langword="null"/> (default) is unlimited.</summary>
    public int? BytesPerSecond
    {
        get => Volatile.Read(ref _bytesPerSecond) is var value && value > 0 ? value : null;
        set
        {
            if (value is < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "BytesPerSecond must be at least 1, or null for unlimited.");
            }

            Volatile.Write(ref _bytesPerSecond, value ?? 0);
        }
    }

    /// <summary>While <see langword="true"/>, new connections are accepted and closed at once. Default <see langword="false"/>.</summary>
    public bool RefuseNew
    {
        get => _refuseNew;
        set => _refuseNew = value;
    }

    internal AsyncGate BlackholeGate => _blackhole;

    /// <summary>Resets every current connection on both sides at once, like a TCP RST. New connections are still accepted.</summary>
    public void CutAll() => CutAllCore();

    private Task[] CutAllCore()
    {
        ProxiedConnection[] connections;
        lock (_lock)
        {
            connections = [.. _connections];
        }

        foreach (var connection in connections)
        {
            connection.Cut();
        }

        return Array.ConvertAll(connections, c => c.Completion);
    }
}
