namespace ZenWebsocket;

/// <summary>
/// Told synchronously, in order, when a socket connection opens and when it ends: before the Connected event, and
/// before any reconnect attempt. Protocol layers use it to fail pending requests at once and to restore state.
/// </summary>
/// <remarks>Called on the lifecycle path: keep it quick, never block, start asynchronous work as a task.
/// Exceptions are logged and ignored.</remarks>
public interface IConnectionObserver
{
    /// <summary>A connection opened and can be written to.</summary>
    /// <param name="connection">Which connection.</param>
    void OnConnected(ConnectionInfo connection);

    /// <summary>A connection ended; nothing more will be read from it or written to it.</summary>
    /// <param name="connection">Which connection.</param>
    /// <param name="reason">Why it ended.</param>
    /// <param name="cause">The error behind it, if any.</param>
    void OnDisconnected(ConnectionInfo connection, StateChangeReason reason, ZenWebSocketException? cause);
}
