using Microsoft.Extensions.Logging;

namespace ZenWebsocket;

/// <summary>Log messages of session recording (event ids 52xx).</summary>
internal static partial class RecordingLog
{
    [LoggerMessage(5200, LogLevel.Error, "Recording to {Path} stopped: writing failed; later entries are dropped")]
    public static partial void WriteFailed(ILogger logger, string path, Exception exception);
}
