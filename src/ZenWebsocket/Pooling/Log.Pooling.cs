using Microsoft.Extensions.Logging;

namespace ZenWebsocket;

/// <summary>The pool's growth and rotation log messages (5xxx).</summary>
internal static partial class Log
{
    [LoggerMessage(5003, LogLevel.Information, "Pool grew to {Count} connection(s): every connection carries {Cap} topics")]
    public static partial void PoolGrew(ILogger logger, int count, int cap);

    [LoggerMessage(5004, LogLevel.Information, "Pool closed idle extra connection {Slot}")]
    public static partial void PoolShrank(ILogger logger, int slot);

    [LoggerMessage(5005, LogLevel.Information, "Pool rotates connection {Slot} ({Why}): make-before-break")]
    public static partial void PoolRotating(ILogger logger, int slot, string why);

    [LoggerMessage(5006, LogLevel.Information, "Pool rotated connection {Slot} to {Replacement}: {Topics} topic(s) handed over")]
    public static partial void PoolRotated(ILogger logger, int slot, int replacement, int topics);

    [LoggerMessage(5007, LogLevel.Warning, "Pool could not rotate connection {Slot}: {Error}")]
    public static partial void PoolRotationFailed(ILogger logger, int slot, string error);
}
