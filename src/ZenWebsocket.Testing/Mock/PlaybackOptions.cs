namespace ZenWebsocket.Testing;

/// <summary>Settings for <see cref="MockWebSocketServer.PlayRecordingAsync"/>.</summary>
public sealed record PlaybackOptions
{
    /// <summary>
    /// Wait the recorded gaps between messages (on <see cref="TimeProvider"/>) instead of sending them back to back.
    /// Default <see langword="false"/>.
    /// </summary>
    public bool OriginalPacing { get; init; }

    /// <summary>
    /// Play only what arrived on this recorded connection id (<c>"conn"</c>), e.g. the connection an incident
    /// happened on. Default <see langword="null"/>: every connection, in file order.
    /// </summary>
    public long? ConnectionId { get; init; }

    /// <summary>The clock the gaps are waited on. Default <see langword="null"/>: the server's <see cref="MockServerOptions.TimeProvider"/>.</summary>
    public TimeProvider? TimeProvider { get; init; }
}
