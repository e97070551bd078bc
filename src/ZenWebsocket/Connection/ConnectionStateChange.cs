using System.Net.WebSockets;

namespace ZenWebsocket;

/// <summary>One state transition of a <see cref="ZenClient"/>; exactly one is raised per transition.</summary>
/// <param name="Previous">The state before.</param>
/// <param name="Current">The state after.</param>
/// <param name="Reason">Why the transition happened.</param>
/// <param name="Attempt">The connection attempt number within the current connect or reconnect sequence (1-based; 0 when not applicable).</param>
/// <param name="NextDelay">For <see cref="ConnectionState.Reconnecting"/>, the wait before the next attempt.</param>
/// <param name="CloseStatus">The close status, when a close frame was involved.</param>
/// <param name="CloseDescription">The close description, when a close frame was involved.</param>
/// <param name="Error">The error behind the transition, if any.</param>
/// <param name="Timestamp">When it happened, from the client's <see cref="TimeProvider"/>.</param>
/// <param name="ConnectionId">The id of the socket connection concerned (increments with every successful connect).</param>
public sealed record ConnectionStateChange(
    ConnectionState Previous,
    ConnectionState Current,
    StateChangeReason Reason,
    int Attempt,
    TimeSpan? NextDelay,
    WebSocketCloseStatus? CloseStatus,
    string? CloseDescription,
    ZenWebSocketException? Error,
    DateTimeOffset Timestamp,
    long ConnectionId)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var text = $"{Previous} -> {Current} ({Reason}, attempt {Attempt}";
        if (NextDelay is { } delay)
        {
            text += $", next in {delay.TotalMilliseconds:0} ms";
        }

        if (CloseStatus is { } status)
        {
            text += $", close {(int)status} '{CloseDescription}'";
        }

        if (Error is not null)
        {
            text += $", {Error.GetType().Name}: {Error.Message}";
        }

        return text + ")";
    }
}
