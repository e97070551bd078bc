using Microsoft.Extensions.Logging;

namespace ZenWebsocket;

/// <summary>The adapter framework's log messages (6xxx).</summary>
internal static partial class Log
{
    [LoggerMessage(6000, LogLevel.Information, "Adapter {Adapter}: {Change}")]
    public static partial void AdapterStateChanged(ILogger logger, string adapter, AdapterStateChanged change);

    [LoggerMessage(6001, LogLevel.Debug, "Adapter {Adapter}: step {Step} (attempt {Attempt}) done in {DurationMs:0.0} ms")]
    public static partial void AdapterStepSucceeded(ILogger logger, string adapter, AdapterStep step, int attempt, double durationMs);

    [LoggerMessage(6002, LogLevel.Warning, "Adapter {Adapter}: step {Step} (attempt {Attempt}) failed after {DurationMs:0.0} ms: {Error}")]
    public static partial void AdapterStepFailed(ILogger logger, string adapter, AdapterStep step, int attempt, double durationMs, string error);

    [LoggerMessage(6003, LogLevel.Warning, "Adapter {Adapter}: connection {ConnectionId} lost ({Reason}); restoring")]
    public static partial void AdapterConnectionLost(ILogger logger, string adapter, long connectionId, StateChangeReason reason);

    [LoggerMessage(6004, LogLevel.Error, "Adapter {Adapter} stopped on an error retrying cannot fix: {Explanation}")]
    public static partial void AdapterFaulted(ILogger logger, string adapter, string explanation, Exception error);

    [LoggerMessage(6005, LogLevel.Error, "Adapter {Adapter}: OnMessage threw; the adapter carries on")]
    public static partial void AdapterMessageHookFailed(ILogger logger, string adapter, Exception error);

    [LoggerMessage(6006, LogLevel.Information, "Adapter {Adapter}: restored {Restored} topic(s), {Failed} rejected")]
    public static partial void AdapterSubscriptionsRestored(ILogger logger, string adapter, int restored, int failed);

    [LoggerMessage(6007, LogLevel.Debug, "Adapter {Adapter}: the connection died before a call was written (try {Attempt}); the call waits for the restored connection")]
    public static partial void AdapterUnsentRetry(ILogger logger, string adapter, int attempt);
}
