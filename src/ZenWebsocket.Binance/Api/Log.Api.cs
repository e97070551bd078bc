using Microsoft.Extensions.Logging;

namespace ZenWebsocket.Binance;

/// <summary>The Binance WebSocket API client's log messages (6300-6399).</summary>
internal static partial class Log
{
    [LoggerMessage(6300, LogLevel.Debug, "Binance API: server clock offset {OffsetMs} ms (round trip {RoundTripMs:0.0} ms)")]
    public static partial void ApiClockOffsetMeasured(ILogger logger, long offsetMs, double roundTripMs);

    [LoggerMessage(6301, LogLevel.Information, "Binance API: session logged on with an {KeyType} key")]
    public static partial void ApiLoggedOn(ILogger logger, BinanceKeyType keyType);

    [LoggerMessage(6302, LogLevel.Warning, "Binance API: the server announced a shutdown; reconnecting now")]
    public static partial void ApiServerShutdown(ILogger logger);

    [LoggerMessage(6303, LogLevel.Error, "Binance API: the server revoked the session ({Code} {Message})")]
    public static partial void ApiSessionRevoked(ILogger logger, long code, string message);

    [LoggerMessage(6304, LogLevel.Warning, "Binance API: the server counts {Count}/{Limit} {Type} per {Window}; holding local requests until the window turns")]
    public static partial void ApiServerLimitReached(ILogger logger, long count, long limit, string type, TimeSpan window);

    [LoggerMessage(6305, LogLevel.Warning, "Binance API: re-measuring the clock offset failed: {Error}")]
    public static partial void ApiClockSyncFailed(ILogger logger, string error);
}
