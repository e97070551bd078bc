using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Connection;

public sealed class ReceiveQueueTests
{
    [Theory]
    [InlineData(ReceiveFullMode.DropNewest, "1", "2")]
    [InlineData(ReceiveFullMode.DropOldest, "4", "5")]
    public async Task A_full_queue_drops_by_policy_counts_and_reports(ReceiveFullMode mode, string first, string second)
    {
        await using var f = await ClientFixture.ConnectedAsync(o => o with { ReceiveQueueCapacity = 2, ReceiveFullMode = mode });
        var dropped = new TaskCompletionSource<MessagesDroppedInfo>();
        f.Client.MessagesDropped += (_, info) =>
        {
            if (info.TotalDropped >= 3)
            {
                dropped.TrySetResult(info);
            }
        };

        var connection = await f.Server.WaitForConnectionAsync(1, Bounded.Wait);
        for (var i = 1; i <= 5; i++)
        {
            await connection.SendTextAsync(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var info = await dropped.Task.Within();
        Assert.Equal(mode, info.Mode);
        Assert.Equal(first, await f.NextTextAsync());
        Assert.Equal(second, await f.NextTextAsync());
        Assert.Equal(3, f.Client.GetDiagnostics().DroppedMessages);
    }

    [Fact]
    public async Task Wait_mode_applies_backpressure_and_loses_nothing()
    {
        await using var f = await ClientFixture.ConnectedAsync(o => o with { ReceiveQueueCapacity = 1, ReceiveFullMode = ReceiveFullMode.Wait });
        var connection = await f.Server.WaitForConnectionAsync(1, Bounded.Wait);
        for (var i = 0; i < 50; i++)
        {
            await connection.SendTextAsync($"m{i}");
        }

        var received = new List<string>();
        await foreach (var message in f.Client.ReadMessagesAsync())
        {
            received.Add(message.Text);
            if (received.Count == 50)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"m{i}"), received);
        Assert.Equal(0, f.Client.GetDiagnostics().DroppedMessages);
    }

    [Fact]
    public async Task The_message_stream_continues_across_an_automatic_reconnect()
    {
        await using var f = await ClientFixture.ConnectedAsync();
        await f.Server.InjectAsync("before");
        Assert.Equal("before", await f.NextTextAsync());
        await f.Server.DisconnectAllAsync(DisconnectMode.Abort);
        await f.States.WaitForAsync(ConnectionState.Reconnecting);
        await f.States.WaitForAsync(ConnectionState.Connected);
        var second = await f.Server.WaitForConnectionAsync(2, Bounded.Wait);
        await second.SendTextAsync("after");
        var message = (await f.Client.ReceiveAsync().Within())!.Value;
        Assert.Equal("after", message.Text);
        Assert.NotEqual(1, message.ConnectionId);
    }

    [Fact]
    public async Task Invalid_frames_from_the_server_surface_as_a_protocol_error()
    {
        await using var f = await ClientFixture.ConnectedAsync(o => o with { ReconnectOnError = false });
        var connection = await f.Server.WaitForConnectionAsync(1, Bounded.Wait);

        // A text frame with all three reserved bits set, which no extension was negotiated for.
        await connection.SendRawAsync(new byte[] { 0xF1, 0x02, (byte)'h', (byte)'i' });
        var final = await f.Client.Completion.Within();
        Assert.Equal(StateChangeReason.ProtocolError, final.Reason);
        Assert.Equal(ProtocolFailure.InvalidFrame, Assert.IsType<ZenProtocolException>(final.Error).Failure);
    }
}
