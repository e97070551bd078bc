using System.Security.Cryptography.X509Certificates;
using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Connection;

public sealed class ClientCertificateTests
{
    [Fact]
    public async Task A_client_certificate_is_presented_when_the_server_asks_for_one()
    {
        await using var server = await MockWebSocketServer.StartAsync(new MockServerOptions { UseTls = true, RequireClientCertificate = true });
        using var mine = SelfSignedCertificate.CreateForLocalhost();
        var thumbprint = server.Certificate!.Thumbprint;
        await using var client = new ZenClient(server.Url, new ZenClientOptions
        {
            ClientCertificates = new X509CertificateCollection { mine },
            RemoteCertificateValidation = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint,
        });

        await client.ConnectAsync().Within();
        var connection = await server.WaitForConnectionAsync(1, Bounded.Wait);
        Assert.Equal(mine.Thumbprint, connection.ClientCertificate?.Thumbprint);
    }

    [Fact]
    public async Task Without_a_client_certificate_the_connection_is_refused_with_a_transport_error()
    {
        await using var server = await MockWebSocketServer.StartAsync(new MockServerOptions { UseTls = true, RequireClientCertificate = true });
        var thumbprint = server.Certificate!.Thumbprint;
        await using var client = new ZenClient(server.Url, new ZenClientOptions
        {
            RemoteCertificateValidation = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint,
        });

        // With TLS 1.3 the server checks the certificate after the handshake, so the refusal surfaces as a TLS failure
        // or as the connection being dropped during the upgrade, depending on the TLS version negotiated.
        var error = await Assert.ThrowsAsync<ZenTransportException>(() => client.ConnectAsync().Within());
        Assert.Contains(error.Failure, new[] { TransportFailure.TlsFailure, TransportFailure.ConnectionLost, TransportFailure.Other });
        Assert.Equal(0, server.AcceptedCount);
    }
}
