using Microsoft.Extensions.Logging;

namespace ZenWebsocket;

/// <summary>Log messages of the frame tap (event ids 51xx).</summary>
internal static partial class FrameTapLog
{
    [LoggerMessage(5100, LogLevel.Warning, "Connection {ConnectionId}: frame tap switched off ({Reason}); ping, pong and close frames are no longer observed on it")]
    public static partial void TapDisabled(ILogger logger, long connectionId, string reason);
}
