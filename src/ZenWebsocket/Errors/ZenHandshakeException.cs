using System.Net;

namespace ZenWebsocket;

/// <summary>The server answered the WebSocket upgrade request with an HTTP status other than 101.</summary>
public sealed class ZenHandshakeException : ZenWebSocketException
{
    private readonly TimeSpan? _retryAfter;

    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status of the refusal.</param>
    /// <param name="retryAfter">The delay the server asked for, if any.</param>
    /// <param name="innerException">The underlying exception.</param>
    public ZenHandshakeException(HttpStatusCode statusCode, TimeSpan? retryAfter, Exception? innerException = null)
        : base($"The server refused the WebSocket handshake with HTTP {(int)statusCode} {statusCode}.", innerException)
    {
        StatusCode = statusCode;
        _retryAfter = retryAfter;
    }

    /// <summary>Gets the HTTP status the server answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <inheritdoc />
    public override TimeSpan? RetryAfter => _retryAfter;

    /// <inheritdoc />
    public override ErrorCategory Category => (int)StatusCode switch
    {
        401 or 403 => ErrorCategory.Authentication,
        429 or 418 => ErrorCategory.RateLimited,
        >= 500 => ErrorCategory.Transport,
        _ => ErrorCategory.Protocol,
    };

    /// <inheritdoc />
    /// <remarks>Rate limits, 408 and server errors are retried; other refusals need a fix on our side.</remarks>
    public override bool IsTransient => Category is ErrorCategory.RateLimited or ErrorCategory.Transport
        || StatusCode == HttpStatusCode.RequestTimeout;

    /// <inheritdoc />
    public override string Explain() => Category switch
    {
        ErrorCategory.Authentication =>
            $"The server refused the handshake with {(int)StatusCode}: the credentials, token or signature sent with it were rejected. Check the API key and the per-attempt header or URL provider.",
        ErrorCategory.RateLimited =>
            $"The server refused the handshake with {(int)StatusCode} because too many connections were attempted. Reconnection waits {(RetryAfter is { } r ? r.ToString() : "with backoff")} before trying again; lower the connection rate.",
        ErrorCategory.Transport =>
            $"The server answered the handshake with {(int)StatusCode}: it is overloaded or in maintenance. It is retried with backoff.",
        _ => $"The server answered the handshake with {(int)StatusCode}. Check the URL path, query and subprotocols.",
    };
}
