using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace ZenWebsocket;

/// <summary>Everything a <see cref="ZenClient"/> can be told; immutable, validated once when the client is created.</summary>
public sealed record ZenClientOptions
{
    /// <summary>Gets the options with every default.</summary>
    public static ZenClientOptions Default { get; } = new();

    /// <summary>Gets the limit for TCP connect, TLS and the WebSocket upgrade together, per attempt.</summary>
    /// <value>Default 10 seconds. Between 1 ms and 10 minutes.</value>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets how long <see cref="ZenClient.CloseAsync"/> waits for the server's close frame before aborting.</summary>
    /// <value>Default 5 seconds.</value>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets headers sent with every upgrade request.</summary>
    /// <value>Default none.</value>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets a provider of extra headers, called on every attempt (fresh tokens, signatures).</summary>
    /// <value>Default <see langword="null"/>. Its headers override <see cref="Headers"/> of the same name.</value>
    public Func<ConnectAttemptContext, CancellationToken, ValueTask<IReadOnlyDictionary<string, string>>>? HeadersProvider { get; init; }

    /// <summary>Gets a provider of the URI, called on every attempt (signed URLs, failover hosts).</summary>
    /// <value>Default <see langword="null"/>: the URI given to the client.</value>
    public Func<ConnectAttemptContext, CancellationToken, ValueTask<Uri>>? UriProvider { get; init; }

    /// <summary>Gets the subprotocols offered in the upgrade request.</summary>
    /// <value>Default none.</value>
    public IReadOnlyList<string> Subprotocols { get; init; } = [];

    /// <summary>Gets a TLS server-certificate validation callback (for self-signed test servers, or pinning).</summary>
    /// <value>Default <see langword="null"/>: the operating system's validation.</value>
    public RemoteCertificateValidationCallback? RemoteCertificateValidation { get; init; }

    /// <summary>Gets client certificates offered during TLS.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public X509CertificateCollection? ClientCertificates { get; init; }

    /// <summary>Gets the HTTP proxy for the upgrade request.</summary>
    /// <value>Default <see langword="null"/>: no proxy.</value>
    public IWebProxy? Proxy { get; init; }

    /// <summary>Gets the size of the pooled receive buffer.</summary>
    /// <value>Default 16 KiB. Between 256 bytes and 16 MiB.</value>
    public int ReceiveBufferSize { get; init; } = 16 * 1024;

    /// <summary>Gets the largest inbound message accepted; a larger one closes the connection with 1009.</summary>
    /// <value>Default 16 MiB. Between 1 byte and 1 GiB.</value>
    public int MaxMessageSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>Gets how many complete inbound messages may wait for the consumer.</summary>
    /// <value>Default 10,000. Between 1 and 10,000,000.</value>
    public int ReceiveQueueCapacity { get; init; } = 10_000;

    /// <summary>Gets what happens when the inbound queue is full.</summary>
    /// <value>Default <see cref="ReceiveFullMode.Wait"/> (backpressure).</value>
    public ReceiveFullMode ReceiveFullMode { get; init; } = ReceiveFullMode.Wait;

    /// <summary>Gets what sends do while disconnected.</summary>
    /// <value>Default <see cref="DisconnectedSendPolicy.FailFast"/>.</value>
    public DisconnectedSendPolicy DisconnectedSendPolicy { get; init; } = DisconnectedSendPolicy.FailFast;

    /// <summary>Gets how many sends may wait for a connection under <see cref="DisconnectedSendPolicy.QueueWithTimeToLive"/>.</summary>
    /// <value>Default 1,000. Between 1 and 1,000,000.</value>
    public int SendQueueCapacity { get; init; } = 1_000;

    /// <summary>Gets how long a queued send may wait before it fails unsent.</summary>
    /// <value>Default 5 seconds.</value>
    public TimeSpan SendQueueTimeToLive { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets the heartbeat strategy.</summary>
    /// <value>Default <see cref="HeartbeatOptions.Disabled"/>.</value>
    public HeartbeatOptions Heartbeat { get; init; } = HeartbeatOptions.Disabled;

    /// <summary>Gets whether the client reconnects by itself after a drop. Adapters turn it off and reconnect themselves.</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool ReconnectOnError { get; init; } = true;

    /// <summary>Gets the backoff, budget and pause rules for reconnecting.</summary>
    /// <value>Default <see cref="ReconnectPolicy.Default"/>.</value>
    public ReconnectPolicy Reconnect { get; init; } = ReconnectPolicy.Default;

    /// <summary>Gets the lifetime after which a connection is replaced on purpose (venues that cut daily).</summary>
    /// <value>Default <see langword="null"/>: never. At least 1 second when set.</value>
    public TimeSpan? RotationInterval { get; init; }

    /// <summary>Gets how many lifecycle events may wait for slow event handlers before the oldest is dropped.</summary>
    /// <value>Default 1,024. Between 16 and 1,000,000.</value>
    public int EventQueueCapacity { get; init; } = 1024;

    /// <summary>Gets the clock for every timeout, delay and heartbeat; inject a fake one in tests.</summary>
    /// <value>Default <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets the logger factory.</summary>
    /// <value>Default <see langword="null"/>: no logging.</value>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Throws when a value is out of range or contradicts another, naming the option.</summary>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    public void Validate()
    {
        Guard.Positive(ConnectTimeout, nameof(ConnectTimeout));
        if (ConnectTimeout > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentOutOfRangeException(nameof(ConnectTimeout), ConnectTimeout, "ConnectTimeout must be at most 10 minutes.");
        }

        Guard.Positive(CloseTimeout, nameof(CloseTimeout));
        Guard.InRange(ReceiveBufferSize, 256, 16 * 1024 * 1024, nameof(ReceiveBufferSize));
        Guard.InRange(MaxMessageSize, 1, 1024 * 1024 * 1024, nameof(MaxMessageSize));
        Guard.InRange(ReceiveQueueCapacity, 1, 10_000_000, nameof(ReceiveQueueCapacity));
        Guard.InRange(SendQueueCapacity, 1, 1_000_000, nameof(SendQueueCapacity));
        Guard.Positive(SendQueueTimeToLive, nameof(SendQueueTimeToLive));
        Guard.InRange(EventQueueCapacity, 16, 1_000_000, nameof(EventQueueCapacity));
        if (!Enum.IsDefined(ReceiveFullMode))
        {
            throw new ArgumentOutOfRangeException(nameof(ReceiveFullMode), ReceiveFullMode, "ReceiveFullMode must be Wait, DropOldest or DropNewest.");
        }

        if (!Enum.IsDefined(DisconnectedSendPolicy))
        {
            throw new ArgumentOutOfRangeException(nameof(DisconnectedSendPolicy), DisconnectedSendPolicy, "DisconnectedSendPolicy must be FailFast or QueueWithTimeToLive.");
        }

        if (RotationInterval is { } rotation && (rotation < TimeSpan.FromSeconds(1) || rotation == Timeout.InfiniteTimeSpan))
        {
            throw new ArgumentOutOfRangeException(nameof(RotationInterval), rotation, "RotationInterval must be at least 1 second when set.");
        }

        ArgumentNullException.ThrowIfNull(Headers, nameof(Headers));
        foreach (var (name, value) in Headers)
        {
            HeaderRules.Validate(name, value, nameof(Headers));
        }

        ArgumentNullException.ThrowIfNull(Subprotocols, nameof(Subprotocols));
        foreach (var subprotocol in Subprotocols)
        {
            if (string.IsNullOrWhiteSpace(subprotocol) || subprotocol.Any(c => c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".Contains(c, StringComparison.Ordinal)))
            {
                throw new ArgumentException($"Subprotocols contains '{subprotocol}', which is not a valid HTTP token.", nameof(Subprotocols));
            }
        }

        ArgumentNullException.ThrowIfNull(Heartbeat, nameof(Heartbeat));
        Heartbeat.Validate();
        ArgumentNullException.ThrowIfNull(Reconnect, nameof(Reconnect));
        Reconnect.Validate();
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
