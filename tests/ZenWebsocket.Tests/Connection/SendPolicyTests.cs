using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Connection;

public sealed class SendPolicyTests
{
    private static Func<ZenClientOptions, ZenClientOptions> Queue(int capacity = 10) => o => o with
    {
        DisconnectedSendPolicy = DisconnectedSendPolicy.QueueWithTimeToLive,
        SendQueueCapacity = capacity,
        SendQueueTimeToLive = TimeSpan.FromSeconds(5),
        Reconnect = new ReconnectPolicy { BaseDelay = TimeSpan.FromSeconds(1), Jitter = JitterMode.None, ImmediateFirstRetry = false },
    };

    [Fact]
    public async Task Fail_fast_refuses_a_send_while_reconnecting()
    {
        await using var f = await ClientFixture.ConnectedAsync(o => o with { Reconnect = new ReconnectPolicy { ImmediateFirstRetry = false, Jitter = JitterMode.None } });
        await f.Server.DisconnectAllAsync(DisconnectMode.Abort);
        await f.States.WaitForAsync(ConnectionState.Reconnecting);
        var error = await Assert.ThrowsAsync<ZenSendException>(() => f.Client.SendTextAsync("order").AsTask());
        Assert.Equal(SendFailure.NotConnected, error.Failure);
    }

    [Fact]
    public async Task Queued_sends_go_out_in_order_after_the_reconnect()
    {
        await using var f = await ClientFixture.ConnectedAsync(Queue());
        await f.Server.DisconnectAllAsync(DisconnectMode.Abort);
        var reconnecting = await f.States.WaitForAsync(ConnectionState.Reconnecting);
        var first = f.Client.SendTextAsync("one").AsTask();
        var second = f.Client.SendTextAsync("two").AsTask();
        Assert.Equal(2, f.Client.GetDiagnostics().SendQueueDepth);
        Assert.False(first.IsCompleted);

        f.Time.Advance(reconnecting.NextDelay!.Value);
        await Task.WhenAll(first, second).Within();
        var connection = await f.Server.WaitForConnectionAsync(2, Bounded.Wait);
        await connection.ExpectMessageAsync("two", Bounded.Wait);
        Assert.Equal(["one", "two"], connection.Received.Select(m => m.Text));
        Assert.Equal("one", await f.NextTextAsync());
    }

    [Fact]
    public async Task A_queued_send_past_its_time_to_live_fails_and_is_never_sent()
    {
        await using var f = await ClientFixture.ConnectedAsync(o => Queue()(o) with
        {
            Reconnect = new ReconnectPolicy { BaseDelay = TimeSpan.FromSeconds(10), Jitter = JitterMode.None, ImmediateFirstRetry = false },
        });
        await f.Server.DisconnectAllAsync(DisconnectMode.Abort);
        var reconnecting = await f.States.WaitForAsync(ConnectionState.Reconnecting);
        var stale = f.Client.SendTextAsync("stale order").AsTask();

        f.Time.Advance(TimeSpan.FromSeconds(5));
        var error = await Assert.ThrowsAsync<ZenTimeoutException>(() => stale.Within());
        Assert.Equal(TimeoutKind.QueuedSend, error.Kind);

        f.Time.Advance(reconnecting.NextDelay!.Value - TimeSpan.FromSeconds(5));
        await f.States.WaitForAsync(ConnectionState.Connected);
        await f.Client.SendTextAsync("fresh").Within();
        var connection = await f.Server.WaitForConnectionAsync(2, Bounded.Wait);
        await connection.ExpectMessageAsync("fresh", Bounded.Wait);
        Assert.DoesNotContain(connection.Received, m => m.Text == "stale order");
    }

    [Fact]
    public async Task A_full_queue_refuses_at_once()
    {
        await using var f = await ClientFixture.ConnectedAsync(Queue(capacity: 1));
        await f.Server.DisconnectAllAsync(DisconnectMode.Abort);
        await f.States.WaitForAsync(ConnectionState.Reconnecting);
        var waiting = f.Client.SendTextAsync("a").AsTask();
        var error = await Assert.ThrowsAsync<ZenSendException>(() => f.Client.SendTextAsync("b").AsTask());
        Assert.Equal(SendFailure.QueueFull, error.Failure);
        Assert.False(waiting.IsCompleted);
    }

    [Fact]
    public async Task Closing_fails_what_is_still_queued()
    {
        await using var f = await ClientFixture.ConnectedAsync(Queue());
        await f.Server.DisconnectAllAsync(DisconnectMode.Abort);
        await f.States.WaitForAsync(ConnectionState.Reconnecting);
        var waiting = f.Client.SendTextAsync("a").AsTask();
        await f.Client.CloseAsync().Within();
        var error = await Assert.ThrowsAsync<ZenSendException>(() => waiting.Within());
        Assert.Equal(SendFailure.Closed, error.Failure);
    }
}
