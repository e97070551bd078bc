namespace ZenWebsocket.Testing;

/// <summary>How <see cref="MockWebSocketServer.DisconnectAllAsync"/> treats each open connection.</summary>
public enum DisconnectMode
{
    /// <summary>A clean close handshake: see <see cref="MockConnection.CloseAsync"/>.</summary>
    Close,

    /// <summary>Drop TCP at once with no close frame: see <see cref="MockConnection.Abort"/>.</summary>
    Abort,

    /// <summary>Half-open: stop reading and sending, keep TCP open. See <see cref="MockConnection.GoSilent"/>.</summary>
    GoSilent,

    /// <summary>Stop answering pings while still sending. See <see cref="MockConnection.StopAnsweringPings"/>.</summary>
    StopAnsweringPings,
}
