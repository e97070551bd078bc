using System.Net.WebSockets;
using System.Security.Authentication;

namespace ZenWebsocket.Testing.Tests;

public sealed class TlsTests
{
    [Fact]
    public async Task A_client_that_trusts_the_certificate_thumbprint_connects_over_wss()
    {
        await using var server = await MockWebSocketServer.StartAsync(new MockServerOptions { UseTls = true });
        var thumbprint = server.Certificate!.Thumbprint;

        using var client = await Client.ConnectAsync(server.Url, o =>
            o.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint);
        await client.SendTextAsync("secure");

        Assert.Equal("wss", server.Url.Scheme);
        Assert.Equal("secure", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task A_default_client_rejects_the_self_signed_certificate()
    {
        await using var server = await MockWebSocketServer.StartAsync(new MockServerOptions { UseTls = true });

        var error = await Assert.ThrowsAnyAsync<WebSocketException>(() => Client.ConnectAsync(server.Url));

        Assert.Contains(Chain(error), e => e is AuthenticationException);
        Assert.Equal(0, server.HandshakeCount);
    }

    [Fact]
    public void The_generated_certificate_covers_localhost_and_127_0_0_1_and_has_its_key()
    {
        using var certificate = SelfSignedCertificate.CreateForLocalhost();

        Assert.True(certificate.HasPrivateKey);
        Assert.Equal("CN=localhost", certificate.Subject);
        Assert.True(certificate.MatchesHostname("localhost"));
        Assert.True(certificate.MatchesHostname("127.0.0.1"));
    }

    private static IEnumerable<Exception> Chain(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            yield return error;
        }
    }
}
