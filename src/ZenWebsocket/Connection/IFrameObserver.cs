namespace ZenWebsocket;

/// <summary>Sees every message in and out (heartbeat traffic included) and every control frame, for recording.</summary>
/// <remarks>Called from the receive loop, from senders and from the transport: it must be thread-safe, quick, and must
/// not throw. Copy the payload if it is kept beyond the call.</remarks>
public interface IFrameObserver
{
    /// <summary>Observes one frame or message.</summary>
    /// <param name="frame">What was seen.</param>
    void OnFrame(in ObservedFrame frame);
}
