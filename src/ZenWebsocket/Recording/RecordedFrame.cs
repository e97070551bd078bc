using System.Text;

namespace ZenWebsocket;

/// <summary>One entry of a recording, as read back by <see cref="RecordingFile"/>.</summary>
/// <param name="Sequence">The entry's number within its recorder's run (<c>seq</c>, from 1); 0 when absent.</param>
/// <param name="Elapsed">Monotonic time since its recorder started (<c>mono</c>); zero when absent.</param>
/// <param name="Timestamp">The wall-clock time it was seen (<c>ts</c>, UTC).</param>
/// <param name="Direction">Which way it went (<c>dir</c>).</param>
/// <param name="ConnectionId">The client's connection id (<c>conn</c>); 0 when absent.</param>
/// <param name="Attempt">The attempt that opened the connection (<c>attempt</c>); 0 when absent.</param>
/// <param name="Kind">Text, binary, ping, pong or close (<c>type</c>).</param>
/// <param name="Data">The text as recorded (redacted), or the payload in base64 for every other kind.</param>
/// <param name="CloseCode">The close status code, for a close frame that carried one.</param>
/// <param name="CloseReason">The close reason, for a close frame that carried a code.</param>
public sealed record RecordedFrame(
    long Sequence,
    TimeSpan Elapsed,
    DateTimeOffset Timestamp,
    FrameDirection Direction,
    long ConnectionId,
    int Attempt,
    FrameKind Kind,
    string Data,
    int? CloseCode = null,
    string? CloseReason = null)
{
    /// <summary>Gets the text of a text entry, otherwise <see langword="null"/>.</summary>
    public string? Text => Kind == FrameKind.Text ? Data : null;

    /// <summary>Returns the payload bytes: UTF-8 for text, decoded base64 for every other kind.</summary>
    /// <returns>A new array.</returns>
    /// <exception cref="FormatException">A non-text entry's data is not valid base64.</exception>
    public byte[] GetPayload() => Kind == FrameKind.Text ? Encoding.UTF8.GetBytes(Data) : Convert.FromBase64String(Data);
}
