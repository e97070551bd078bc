using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Connection;

public sealed class ExtensionPointTests
{
    [Fact]
    public async Task An_interceptor_consumes_what_it_claims_and_passes_the_rest()
    {
        await using var f = await ClientFixture.ConnectedAsync();
        var claimed = new List<string>();
        using (f.Client.AddInterceptor(new Claim(m => m.Text.StartsWith("rpc:", StringComparison.Ordinal), claimed)))
        {
            await f.Server.InjectAsync("rpc:1");
            await f.Server.InjectAsync("data");
            Assert.Equal("data", await f.NextTextAsync());
            Assert.Equal(["rpc:1"], claimed);
        }

        await f.Server.InjectAsync("rpc:2");
        Assert.Equal("rpc:2", await f.NextTextAsync());
    }

    [Fact]
    public async Task A_throwing_interceptor_does_not_lose_the_message()
    {
        await using var f = await ClientFixture.ConnectedAsync();
        using var registration = f.Client.AddInterceptor(new Claim(_ => throw new InvalidOperationException("bug"), []));
        await f.Server.InjectAsync("kept");
        Assert.Equal("kept", await f.NextTextAsync());
    }

    [Fact]
    public async Task Observers_hear_every_connection_open_and_end_before_the_reconnect()
    {
        await using var f = await ClientFixture.CreateAsync();
        var observer = new Recorder();
        using var registration = f.Client.AddConnectionObserver(observer);
        await f.Client.ConnectAsync().Within();
        await f.Server.DisconnectAllAsync(DisconnectMode.Abort);
        await f.States.WaitForAsync(ConnectionState.Reconnecting);
        await f.States.WaitForAsync(ConnectionState.Connected);

        Assert.Equal(["open 1 False", "end 1 TransportError", "open 2 True"], observer.Events);
    }

    [Fact]
    public async Task A_frame_observer_sees_messages_both_ways_including_heartbeat_traffic()
    {
        await using var f = await ClientFixture.ConnectedAsync(o => o with
        {
            Heartbeat = new ApplicationHeartbeatOptions { Interval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(5) },
        });
        var frames = new Recorder();
        using var registration = f.Client.AddFrameObserver(frames);
        f.Time.Advance(TimeSpan.FromSeconds(10));
        await f.Server.ExpectMessageAsync("ping", Bounded.Wait);
        await f.Client.SendTextAsync("hello").Within();
        Assert.Equal("hello", await f.NextTextAsync());

        Assert.Contains("Outbound Text ping", frames.Events);
        Assert.Contains("Inbound Text pong", frames.Events);
        Assert.Contains("Outbound Text hello", frames.Events);
        Assert.Contains("Inbound Text hello", frames.Events);
    }

    private sealed class Claim(Func<ZenMessage, bool> predicate, List<string> claimed) : IMessageInterceptor
    {
        public bool OnMessage(in ZenMessage message)
        {
            if (!predicate(message))
            {
                return false;
            }

            lock (claimed)
            {
                claimed.Add(message.Text);
            }

            return true;
        }
    }

    private sealed class Recorder : IConnectionObserver, IFrameObserver
    {
        private readonly List<string> _events = [];

        public IReadOnlyList<string> Events
        {
            get
            {
                lock (_events)
                {
                    return [.. _events];
                }
            }
        }

        public void OnConnected(ConnectionInfo connection) => Add($"open {connection.ConnectionId} {connection.IsReconnect}");

        public void OnDisconnected(ConnectionInfo connection, StateChangeReason reason, ZenWebSocketException? cause) => Add($"end {connection.ConnectionId} {reason}");

        public void OnFrame(in ObservedFrame frame) => Add($"{frame.Direction} {frame.Kind} {System.Text.Encoding.UTF8.GetString(frame.Payload.Span)}");

        private void Add(string text)
        {
            lock (_events)
            {
                _events.Add(text);
            }
        }
    }
}
