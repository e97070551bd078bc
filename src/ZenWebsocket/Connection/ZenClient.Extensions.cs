namespace ZenWebsocket;

public sealed partial class ZenClient
{
    private readonly CopyOnWriteList<IMessageInterceptor> _interceptors = new();
    private readonly CopyOnWriteList<IConnectionObserver> _observers = new();
    private readonly CopyOnWriteList<IFrameObserver> _frameObservers = new();

    /// <summary>Adds an interceptor that sees inbound messages before consumers, in the order added.</summary>
    /// <param name="interceptor">The interceptor.</param>
    /// <returns>A registration; dispose it to remove the interceptor.</returns>
    public IDisposable AddInterceptor(IMessageInterceptor interceptor) => _interceptors.Add(interceptor);

    /// <summary>Adds an observer of connections opening and ending.</summary>
    /// <param name="observer">The observer.</param>
    /// <returns>A registration; dispose it to remove the observer.</returns>
    public IDisposable AddConnectionObserver(IConnectionObserver observer) => _observers.Add(observer);

    /// <summary>Adds an observer of every frame in and out (recording).</summary>
    /// <param name="observer">The observer.</param>
    /// <returns>A registration; dispose it to remove the observer.</returns>
    public IDisposable AddFrameObserver(IFrameObserver observer) => _frameObservers.Add(observer);

    private bool Intercept(in ZenMessage message)
    {
        foreach (var interceptor in _interceptors.Items)
        {
            try
            {
                if (interceptor.OnMessage(message))
                {
                    return true;
                }
            }
#pragma warning disable CA1031 // A protocol layer's bug must not kill the receive loop.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.ExtensionFailed(_logger, interceptor.GetType().Name, ex);
            }
        }

        return false;
    }

    private void NotifyConnected(ConnectionSession session)
    {
        TapControlFrames(session);
        var info = new ConnectionInfo(session.Id, session.Attempt, session.IsReconnect);
        foreach (var observer in _observers.Items)
        {
            try
            {
                observer.OnConnected(info);
            }
#pragma warning disable CA1031 // An observer's bug must not break the lifecycle.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.ExtensionFailed(_logger, observer.GetType().Name, ex);
            }
        }
    }

    private void NotifyDisconnected(ConnectionSession session, SessionEnd end)
    {
        var info = new ConnectionInfo(session.Id, session.Attempt, session.IsReconnect);
        foreach (var observer in _observers.Items)
        {
            try
            {
                observer.OnDisconnected(info, end.Reason, end.Error);
            }
#pragma warning disable CA1031 // An observer's bug must not break the lifecycle.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.ExtensionFailed(_logger, observer.GetType().Name, ex);
            }
        }
    }

    // ClientWebSocket never shows ping, pong or close: the attempt's FrameTapStream reports them, from now on,
    // to the heartbeat (ping/pong round trips and misses) and to frame observers (recording).
    private void TapControlFrames(ConnectionSession session) => session.Tap.Bind(
        (direction, kind, payload) =>
        {
            session.Heartbeat.OnControlFrame(direction, kind, payload);
            if (_frameObservers.Items.Length > 0)
            {
                ObserveFrame(session, direction, kind, payload.ToArray());
            }
        },
        _logger,
        session.Id);

    private void ObserveFrame(ConnectionSession session, FrameDirection direction, FrameKind kind, ReadOnlyMemory<byte> payload)
    {
        var observers = _frameObservers.Items;
        if (observers.Length == 0)
        {
            return;
        }

        var frame = new ObservedFrame(direction, kind, payload, session.Id, session.Attempt, _time.GetTimestamp(), _time.GetUtcNow());
        foreach (var observer in observers)
        {
            try
            {
                observer.OnFrame(frame);
            }
#pragma warning disable CA1031 // A recorder's bug must not break traffic.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.ExtensionFailed(_logger, observer.GetType().Name, ex);
            }
        }
    }
}
