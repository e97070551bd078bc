namespace ZenWebsocket;

/// <summary>What kind of transport failure a <see cref="ZenTransportException"/> reports.</summary>
public enum TransportFailure
{
    /// <summary>The host name could not be resolved.</summary>
    DnsFailure,

    /// <summary>The host answered but nothing listens on the port (TCP RST on connect).</summary>
    ConnectionRefused,

    /// <summary>The host or network could not be reached.</summary>
    Unreachable,

    /// <summary>The TLS handshake failed (certificate rejected, protocol mismatch).</summary>
    TlsFailure,

    /// <summary>An established connection was lost (reset, closed without a close frame).</summary>
    ConnectionLost,

    /// <summary>Any other transport error; see the inner exception.</summary>
    Other,
}
