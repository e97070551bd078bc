using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace ZenWebsocket;

/// <summary>Opens one ClientWebSocket for one attempt, with our own TCP connect so reads can be watched.</summary>
internal static class SocketConnector
{
    public static async Task<(ClientWebSocket Socket, HttpMessageInvoker Invoker)> ConnectAsync(
        Uri uri,
        ZenClientOptions options,
        IReadOnlyDictionary<string, string> headers,
        Heartbeat heartbeat,
        LivenessClock clock,
        FrameTapSink tap,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetBuffer(options.ReceiveBufferSize, 16 * 1024);
        foreach (var (name, value) in headers)
        {
            socket.Options.SetRequestHeader(name, value);
        }

        foreach (var subprotocol in options.Subprotocols)
        {
            socket.Options.AddSubProtocol(subprotocol);
        }

        heartbeat.ConfigureSocket(socket.Options);

        // One handler per attempt: it carries this attempt's liveness clock, and TLS/proxy settings must be set here
        // (ClientWebSocketOptions refuses them when an invoker is supplied).
        // The frame tap sees, after TLS, the ping/pong/close frames ClientWebSocket handles internally.
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = (context, ct) => OpenTcpAsync(context.DnsEndPoint, clock, ct),
            PlaintextStreamFilter = (context, _) => ValueTask.FromResult(tap.Wrap(context)),
            UseProxy = options.Proxy is not null,
            Proxy = options.Proxy,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        handler.SslOptions.RemoteCertificateValidationCallback = options.RemoteCertificateValidation;
        handler.SslOptions.ClientCertificates = options.ClientCertificates;
        var invoker = new HttpMessageInvoker(handler, disposeHandler: true);
        try
        {
            await socket.ConnectAsync(uri, invoker, cancellationToken).ConfigureAwait(false);
            return (socket, invoker);
        }
        catch (Exception ex)
        {
            // Classify while the socket still holds the handshake's HTTP status and headers.
            var error = ex is OperationCanceledException ? null : ConnectErrors.Classify(ex, socket, time);
            socket.Dispose();
            invoker.Dispose();
            if (error is null)
            {
                throw;
            }

            throw error;
        }
    }

    private static async ValueTask<Stream> OpenTcpAsync(DnsEndPoint endPoint, LivenessClock clock, CancellationToken cancellationToken)
    {
        var tcp = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            return new LivenessStream(new NetworkStream(tcp, ownsSocket: true), clock);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }
}
