using Microsoft.Extensions.Logging;
using ZenWebsocket.Cli.Options;

namespace ZenWebsocket.Cli.Commands;

/// <summary>What <c>zenws connect</c> was asked to do, already parsed and checked.</summary>
/// <param name="Url">The ws:// or wss:// endpoint.</param>
/// <param name="Sends">Texts to send once connected, in order.</param>
/// <param name="Heartbeat">The heartbeat strategy.</param>
/// <param name="HeartbeatInterval">The strategy's interval (for serverping: the silence timeout); null for its default.</param>
/// <param name="Reconnect">Whether the client reconnects by itself after a drop.</param>
/// <param name="Headers">Headers sent with the upgrade request.</param>
/// <param name="Duration">How long to stay connected; null for until Ctrl+C or the connection is finally down.</param>
/// <param name="Insecure">Accept any TLS certificate (self-signed test servers).</param>
/// <param name="Verbose">Write the library's own logs to stderr.</param>
internal sealed record ConnectSettings(
    Uri Url,
    IReadOnlyList<string> Sends,
    HeartbeatKind Heartbeat,
    TimeSpan? HeartbeatInterval,
    bool Reconnect,
    IReadOnlyDictionary<string, string> Headers,
    TimeSpan? Duration,
    bool Insecure,
    bool Verbose = false)
{
    /// <summary>Creates settings with every default for <paramref name="url"/>.</summary>
    public static ConnectSettings For(Uri url) =>
        new(url, [], HeartbeatKind.None, null, Reconnect: true, new Dictionary<string, string>(), Duration: null, Insecure: false);

    /// <summary>Builds the client options; the client validates them (and throws <see cref="ArgumentException"/> naming a bad one).</summary>
    public ZenClientOptions ToClientOptions(TimeProvider time, ILoggerFactory? loggerFactory) => new()
    {
        Headers = Headers,
        Heartbeat = CreateHeartbeat(),
        ReconnectOnError = Reconnect,
        CloseTimeout = TimeSpan.FromSeconds(2),
#pragma warning disable CA5359 // --insecure is the user's explicit request to accept self-signed test certificates.
        RemoteCertificateValidation = Insecure ? static (_, _, _, _) => true : null,
#pragma warning restore CA5359
        TimeProvider = time,
        LoggerFactory = loggerFactory,
    };

    private HeartbeatOptions CreateHeartbeat()
    {
        var interval = HeartbeatInterval;
        return Heartbeat switch
        {
            HeartbeatKind.PingPong => interval is { } i ? new PingPongHeartbeatOptions { Interval = i } : new PingPongHeartbeatOptions(),
            HeartbeatKind.Deribit => interval is { } i ? new DeribitHeartbeatOptions { Interval = i } : new DeribitHeartbeatOptions(),
            HeartbeatKind.ServerPing => interval is { } i ? new ServerPingHeartbeatOptions { Timeout = i } : new ServerPingHeartbeatOptions(),

            // The reply timeout may not exceed the interval: keep the default 10 s unless the interval is shorter.
            HeartbeatKind.App => interval is { } i
                ? new ApplicationHeartbeatOptions { Interval = i, Timeout = i < TimeSpan.FromSeconds(10) ? i : TimeSpan.FromSeconds(10) }
                : new ApplicationHeartbeatOptions(),
            _ => HeartbeatOptions.Disabled,
        };
    }
}
