using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Heartbeats;

/// <summary>
/// Inventory 4.7 #7: pings and pongs are correlated by payload, seen through the frame tap. (An unanswered ping is
/// not followed by another here: the runtime waits KeepAliveTimeout for its pong and then aborts, which the
/// heartbeat tests cover as HeartbeatTimeout.)
/// </summary>
public sealed class PingPongCorrelationTests
{
    private static ZenClientOptions Options => new()
    {
        Heartbeat = new PingPongHeartbeatOptions { Interval = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromSeconds(5) },
        ReconnectOnError = false,
    };

    [Fact]
    public async Task A_matching_pong_gives_the_round_trip_and_clears_misses()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        await using var client = new ZenClient(server.Url, Options);
        var pong = new ControlFrames(FrameDirection.Inbound, FrameKind.Pong, count: 2);
        using var registration = client.AddFrameObserver(pong);
        await client.ConnectAsync().Within();

        await pong.Seen.Within();
        var health = client.GetDiagnostics().Heartbeat;
        Assert.NotNull(health.LastRoundTrip);
        Assert.Equal(0, health.ConsecutiveMisses);
        Assert.True(client.HeartbeatLatency.Snapshot().Count >= 2);
    }

    [Fact]
    public async Task A_pong_that_answers_no_ping_is_ignored()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        await using var client = new ZenClient(server.Url, Options with
        {
            Heartbeat = new PingPongHeartbeatOptions { Interval = TimeSpan.FromMinutes(5), Timeout = TimeSpan.FromSeconds(5) },
        });
        var stray = new ControlFrames(FrameDirection.Inbound, FrameKind.Pong, count: 1);
        using var registration = client.AddFrameObserver(stray);
        await client.ConnectAsync().Within();
        var connection = await server.WaitForConnectionAsync(1, Bounded.Wait);
        await connection.SendPongAsync(new byte[] { 1, 2, 3 });

        await stray.Seen.Within();
        var health = client.GetDiagnostics().Heartbeat;
        Assert.Null(health.LastRoundTrip);
        Assert.Null(health.SinceLastHeartbeat);
        Assert.Equal(0, client.HeartbeatLatency.Snapshot().Count);
    }

    /// <summary>Completes when the given number of matching control frames has been observed.</summary>
    private sealed class ControlFrames(FrameDirection direction, FrameKind kind, int count) : IFrameObserver
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _remaining = count;

        public Task Seen => _seen.Task;

            public void OnFrame(in ObservedFrame frame)
        {
            if (frame.Direction == direction && frame.Kind == kind && Interlocked.Decrement(ref _remaining) == 0)
            {
                _seen.TrySetResult();
            }
        }
    }
}
