namespace ZenWebsocket;

/// <summary>The network path failed: DNS, refused connection, unreachable host, TLS, or a lost connection.</summary>
public sealed class ZenTransportException : ZenWebSocketException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">The kind of failure.</param>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The underlying exception.</param>
    public ZenTransportException(TransportFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>Gets the kind of transport failure.</summary>
    public TransportFailure Failure { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Transport;

    /// <inheritdoc />
    /// <remarks>A TLS failure is usually a configuration problem and is not retried; everything else is.</remarks>
    public override bool IsTransient => Failure != TransportFailure.TlsFailure;

    /// <inheritdoc />
    public override string Explain() => Failure switch
    {
        TransportFailure.DnsFailure =>
            "The host name could not be resolved. Check the spelling of the URL's host and that this machine has DNS.",
        TransportFailure.ConnectionRefused =>
            "The host refused the connection: nothing listens on that port. Check that the server runs and the URL's port is right.",
        TransportFailure.Unreachable =>
            "The host or its network is unreachable. Check connectivity, VPN and firewall rules.",
        TransportFailure.TlsFailure =>
            "The TLS handshake failed. Check the server certificate (or set a validation callback for a self-signed test server) and the client certificate.",
        TransportFailure.ConnectionLost =>
            "The connection was lost without a close handshake. After a drop, automatic reconnection retries it (a first connect only with RetryInitialConnect); frequent losses point at the network or a proxy.",
        _ => "The transport failed unexpectedly. Look at the inner exception for the cause.",
    };
}
