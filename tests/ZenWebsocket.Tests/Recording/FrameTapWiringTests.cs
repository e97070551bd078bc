using System.Net.WebSockets;
using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Recording;

/// <summary>The frame tap inside a real client: control frames reach frame observers, over plain TCP and TLS.</summary>
public sealed class FrameTapWiringTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_server_ping_and_the_runtime_pong_reach_frame_observers(bool tls)
    {
        await using var server = await MockWebSocketServer.StartAsync(new MockServerOptions { UseTls = tls });
        var thumbprint = server.Certificate?.Thumbprint;
        await using var client = new ZenClient(server.Url, new ZenClientOptions
        {
            RemoteCertificateValidation = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint,
        });
        var ping = new FrameWaiter(f => f is { Direction: FrameDirection.Inbound, Kind: FrameKind.Ping } && f.Payload.Span.SequenceEqual("are you there"u8));
        var pong = new FrameWaiter(f => f is { Direction: FrameDirection.Outbound, Kind: FrameKind.Pong } && f.Payload.Span.SequenceEqual("are you there"u8));
        client.AddFrameObserver(ping);
        client.AddFrameObserver(pong);
        await client.ConnectAsync().Within();
        var connection = await server.WaitForConnectionAsync(1, Bounded.Wait);

        await connection.SendPingAsync("are you there"u8.ToArray());

        await Task.WhenAll(ping.Seen, pong.Seen).Within();
    }

    [Fact]
    public async Task Close_frames_carry_the_connection_they_ended()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        await using var client = new ZenClient(server.Url);
        var frames = new List<ObservedFrame>();
        var closed = new FrameWaiter(f => f is { Direction: FrameDirection.Inbound, Kind: FrameKind.Close });
        client.AddFrameObserver(new Collector(frames));
        client.AddFrameObserver(closed);
        await client.ConnectAsync().Within();
        await client.ReconnectAsync().Within();

        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye").Within();
        await closed.Seen.Within();

        lock (frames)
        {
            var closes = frames.Where(f => f.Kind == FrameKind.Close).Select(f => (f.Direction, f.ConnectionId, f.Attempt)).ToList();
            Assert.Contains((FrameDirection.Outbound, 2L, 1), closes);
            Assert.Contains((FrameDirection.Inbound, 2L, 1), closes);
        }
    }

    private sealed class Collector(List<ObservedFrame> frames) : IFrameObserver
    {
        public void OnFrame(in ObservedFrame frame)
        {
            lock (frames)
            {
                frames.Add(frame with { Payload = frame.Payload.ToArray() });
            }
        }
    }
}
