using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Authentication;

namespace ZenWebsocket;

/// <summary>Turns whatever a failed connect threw into one precise <see cref="ZenWebSocketException"/>.</summary>
internal static class ConnectErrors
{
    public static ZenWebSocketException Classify(Exception exception, ClientWebSocket? socket, TimeProvider time)
    {
        if (exception is ZenWebSocketException zen)
        {
            return zen;
        }

        if (socket is { HttpStatusCode: var status } && status != 0 && status != HttpStatusCode.SwitchingProtocols)
        {
            return new ZenHandshakeException(status, ReadRetryAfter(socket.HttpResponseHeaders, time), exception);
        }

        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SocketException socketError:
                    return FromSocket(socketError, exception);
                case AuthenticationException:
                    return new ZenTransportException(TransportFailure.TlsFailure, "The TLS handshake failed: " + inner.Message, exception);
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }:
                    return new ZenTransportException(TransportFailure.DnsFailure, "The host name could not be resolved.", exception);
                case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }:
                    return new ZenTransportException(TransportFailure.TlsFailure, "The TLS handshake failed: " + inner.Message, exception);
            }
        }

        return new ZenTransportException(TransportFailure.Other, "Connecting failed: " + exception.Message, exception);
    }

    private static ZenTransportException FromSocket(SocketException error, Exception outer) => error.SocketErrorCode switch
    {
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain =>
            new ZenTransportException(TransportFailure.DnsFailure, "The host name could not be resolved: " + error.Message, outer),
        SocketError.ConnectionRefused =>
            new ZenTransportException(TransportFailure.ConnectionRefused, "The connection was refused: " + error.Message, outer),
        SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostDown or SocketError.NetworkDown or SocketError.TimedOut =>
            new ZenTransportException(TransportFailure.Unreachable, "The host is unreachable: " + error.Message, outer),
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown =>
            new ZenTransportException(TransportFailure.ConnectionLost, "The connection was lost while connecting: " + error.Message, outer),
        _ => new ZenTransportException(TransportFailure.Other, "Connecting failed: " + error.Message, outer),
    };

    /// <summary>Reads Retry-After as delta-seconds or an HTTP date.</summary>
    internal static TimeSpan? ReadRetryAfter(IReadOnlyDictionary<string, IEnumerable<string>>? headers, TimeProvider time)
    {
        if (headers is null)
        {
            return null;
        }

        foreach (var (name, values) in headers)
        {
            if (!name.Equals("Retry-After", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = values.FirstOrDefault()?.Trim();
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                var delay = date - time.GetUtcNow();
                return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
            }
        }

        return null;
    }
}
