namespace ZenWebsocket;

/// <summary>
/// Wraps the raw TCP stream so every read stamps the <see cref="LivenessClock"/>. ClientWebSocket answers pings and
/// swallows pongs internally; watching raw reads is the only way to see that a silent-looking link is alive.
/// </summary>
internal sealed class LivenessStream(Stream inner, LivenessClock clock) : ObservingStream(inner)
{
    protected override void OnRead(ReadOnlySpan<byte> data)
    {
        if (!data.IsEmpty)
        {
            clock.Stamp(data.Length);
        }
    }
}
