using System.Net;
using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Connection;

public sealed class TlsAndFaultTests
{
    [Fact]
    public async Task Wss_connects_to_a_self_signed_server_with_a_validation_callback()
    {
        await using var server = await MockWebSocketServer.StartAsync(new MockServerOptions { UseTls = true });
        var thumbprint = server.Certificate!.Thumbprint;
        await using var client = new ZenClient(server.Url, new ZenClientOptions
        {
            RemoteCertificateValidation = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint,
        });
        await client.ConnectAsync().Within();
        await client.SendTextAsync("secure").Within();
        Assert.Equal("secure", (await client.ReceiveAsync().Within())!.Value.Text);
    }

    [Fact]
    public async Task Wss_refuses_an_untrusted_certificate_with_a_tls_error_that_is_not_retried()
    {
        await using var server = await MockWebSocketServer.StartAsync(new MockServerOptions { UseTls = true });
        await using var client = new ZenClient(server.Url, new ZenClientOptions { Reconnect = new ReconnectPolicy { RetryInitialConnect = true } });
        var error = await Assert.ThrowsAsync<ZenTransportException>(() => client.ConnectAsync().Within());
        Assert.Equal(TransportFailure.TlsFailure, error.Failure);
        Assert.False(error.IsTransient);
        Assert.Contains("certificate", error.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cut_through_the_fault_proxy_is_a_transport_error_followed_by_a_reconnect()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(new IPEndPoint(IPAddress.Loopback, server.Port));
        var time = new FakeTimeProvider();
        await using var client = new ZenClient(proxy.Rewrite(server.Url), new ZenClientOptions { TimeProvider = time });
        var states = new StateRecorder(client);
        await client.ConnectAsync().Within();

        proxy.CutAll();
        var reconnecting = await states.WaitForAsync(ConnectionState.Reconnecting);
        Assert.Equal(StateChangeReason.TransportError, reconnecting.Reason);
        await states.WaitForAsync(ConnectionState.Connected);
        await client.SendTextAsync("through again").Within();
        Assert.Equal("through again", (await client.ReceiveAsync().Within())!.Value.Text);
        Assert.Equal(2, proxy.ConnectionCount);
    }

    [Fact]
    public async Task A_blackholed_link_is_declared_dead_by_the_heartbeat()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(new IPEndPoint(IPAddress.Loopback, server.Port));
        var time = new FakeTimeProvider();
        await using var client = new ZenClient(proxy.Rewrite(server.Url), new ZenClientOptions
        {
            TimeProvider = time,
            ReconnectOnError = false,
            Heartbeat = new ApplicationHeartbeatOptions { Interval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(5), MaxMissed = 1 },
        });
        await client.ConnectAsync().Within();
        proxy.Blackhole = true;

        time.Advance(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(5));
        var final = await client.Completion.Within();
        Assert.Equal(StateChangeReason.HeartbeatTimeout, final.Reason);
    }
}
