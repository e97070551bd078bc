using System.Net;
using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Connection;

public sealed class ProxyTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_connection_goes_through_an_http_proxy(bool tls)
    {
        await using var server = await MockWebSocketServer.StartAsync(new MockServerOptions { UseTls = tls });
        await using var proxy = new TinyHttpProxy();
        var thumbprint = server.Certificate?.Thumbprint;
        await using var client = new ZenClient(server.Url, new ZenClientOptions
        {
            Proxy = new WebProxy(proxy.Address) { BypassProxyOnLocal = false },
            RemoteCertificateValidation = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint,
        });

        await client.ConnectAsync().Within();
        await client.SendTextAsync("via proxy").Within();
        Assert.Equal("via proxy", (await client.ReceiveAsync().Within())!.Value.Text);
        Assert.Contains(proxy.RequestLines, line => line.Contains($"127.0.0.1:{server.Port}", StringComparison.Ordinal));
    }
}
