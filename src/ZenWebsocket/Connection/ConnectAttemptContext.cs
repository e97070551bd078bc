namespace ZenWebsocket;

/// <summary>Facts about a connection attempt, given to the per-attempt URI and header providers.</summary>
/// <param name="Uri">The URI the client was created with.</param>
/// <param name="Attempt">The attempt number within the current connect or reconnect sequence (1-based).</param>
/// <param name="IsReconnect">Whether a connection existed before this sequence.</param>
public readonly record struct ConnectAttemptContext(Uri Uri, int Attempt, bool IsReconnect);
