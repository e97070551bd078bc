namespace ZenWebsocket;

/// <summary>A count that fades exponentially with a time constant, on the injected clock: recent errors weigh, old
/// ones fade smoothly (no cliff where a quiet minute resets everything).</summary>
internal sealed class DecayingCounter(TimeProvider time, TimeSpan timeConstant)
{
    private readonly Lock _gate = new();
    private double _value;
    private long _updated = time.GetTimestamp();

    public void Increment()
    {
        lock (_gate)
        {
            _value = Decayed() + 1;
            _updated = time.GetTimestamp();
        }
    }

    public double Read()
    {
        lock (_gate)
        {
            return Decayed();
        }
    }

    private double Decayed() => _value * Math.Exp(-time.GetElapsedTime(_updated).TotalSeconds / timeConstant.TotalSeconds);
}
