using System.Net.WebSockets;
using System.Text;
using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Recording;

/// <summary>Recording real sessions against the mock server: control frames, reconnects, closes, secrets, replay.</summary>
public sealed class RecordingIntegrationTests : IAsyncLifetime
{
    private const string AuthRequest = """{"jsonrpc":"2.0","id":1,"method":"public/auth","params":{"grant_type":"client_credentials","client_id":"my-id","client_secret":"s3cr3t"}}""";

    private readonly TempRecording _file = new();
    private MockWebSocketServer _server = null!;

    public async Task InitializeAsync() => _server = await MockWebSocketServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task Records_messages_heartbeat_pings_and_pongs_a_reconnect_and_the_close()
    {
        // Real time: the runtime sends the pings (KeepAliveInterval) and Kestrel answers them.
        var options = new ZenClientOptions { Heartbeat = new PingPongHeartbeatOptions { Interval = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromSeconds(5) } };
        await using var client = new ZenClient(_server.Url, options);
        var recorder = SessionRecorder.Start(client, new RecordingOptions { Path = _file.Path });
        var ping = new FrameWaiter(f => f is { Direction: FrameDirection.Outbound, Kind: FrameKind.Ping, ConnectionId: 1 });
        var pong = new FrameWaiter(f => f is { Direction: FrameDirection.Inbound, Kind: FrameKind.Pong, ConnectionId: 1 });
        client.AddFrameObserver(ping);
        client.AddFrameObserver(pong);

        await client.ConnectAsync().Within();
        await client.SendTextAsync(AuthRequest).Within();
        Assert.Equal(AuthRequest, (await client.ReceiveAsync().Within())!.Value.Text);
        await Task.WhenAll(ping.Seen, pong.Seen).Within();

        // An explicit reconnect keeps recording into the same file.
        await client.ReconnectAsync().Within();
        await client.SendTextAsync("after reconnect").Within();
        Assert.Equal("after reconnect", (await client.ReceiveAsync().Within())!.Value.Text);
        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, "done").Within();
        await recorder.DisposeAsync().Within();

        var text = _file.ReadAll();
        Assert.DoesNotContain("s3cr3t", text, StringComparison.Ordinal);

        var frames = await _file.ReadAsync();
        Assert.Contains(frames, f => f is { Direction: FrameDirection.Outbound, Kind: FrameKind.Ping, ConnectionId: 1 });
        Assert.Contains(frames, f => f is { Direction: FrameDirection.Inbound, Kind: FrameKind.Pong, ConnectionId: 1 });
        Assert.Contains(frames, f => f is { Direction: FrameDirection.Outbound, Kind: FrameKind.Text, ConnectionId: 2, Text: "after reconnect" });
        var closes = frames.Where(f => f.Kind == FrameKind.Close && f.ConnectionId == 2).ToList();
        Assert.Contains(closes, f => f is { Direction: FrameDirection.Outbound, CloseCode: 1000, CloseReason: "done" });
        Assert.Contains(closes, f => f is { Direction: FrameDirection.Inbound, CloseCode: 1000 });
        Assert.Equal(frames.Select((_, i) => (long)i + 1), frames.Select(f => f.Sequence));

        var metadata = await RecordingFile.GetMetadataAsync(_file.Path);
        Assert.Equal([1L, 2], metadata.Connections);
        Assert.Equal(1, metadata.Reconnects);
        Assert.Equal(2, metadata.OutboundByKind[FrameKind.Text]);
        Assert.Equal(2, metadata.InboundByKind[FrameKind.Text]);
        Assert.True(metadata.OutboundByKind[FrameKind.Ping] >= 1);
        Assert.True(metadata.InboundByKind[FrameKind.Pong] >= 1);
        Assert.Equal(frames.Count, metadata.Entries);
        Assert.Equal(0, metadata.SkippedLines);
        Assert.Equal(0, recorder.Stats.Dropped);
    }

    [Fact]
    public async Task A_server_close_is_recorded_with_its_code_and_reason()
    {
        await using var client = new ZenClient(_server.Url, new ZenClientOptions { ReconnectOnError = false });
        await using var recorder = SessionRecorder.Start(client, new RecordingOptions { Path = _file.Path });
        var closeSent = new FrameWaiter(f => f is { Direction: FrameDirection.Outbound, Kind: FrameKind.Close });
        client.AddFrameObserver(closeSent);
        await client.ConnectAsync().Within();
        var connection = await _server.WaitForConnectionAsync(1, Bounded.Wait);

        await connection.CloseAsync((WebSocketCloseStatus)4001, "maintenance").Within();
        await client.Completion.Within();
        await closeSent.Seen.Within();
        await recorder.FlushAsync().Within();

        var closes = (await _file.ReadAsync()).Where(f => f.Kind == FrameKind.Close).ToList();
        Assert.Contains(closes, f => f is { Direction: FrameDirection.Inbound, CloseCode: 4001, CloseReason: "maintenance" });
        Assert.Contains(closes, f => f is { Direction: FrameDirection.Outbound, CloseCode: 4001 });
    }

    [Fact]
    public async Task A_second_recorder_after_a_reconnect_appends_to_the_same_file()
    {
        await using var client = new ZenClient(_server.Url);
        await using (var first = SessionRecorder.Start(client, new RecordingOptions { Path = _file.Path }))
        {
            await client.ConnectAsync().Within();
            await client.SendTextAsync("one").Within();
            await client.ReceiveAsync().Within();
        }

        await client.ReconnectAsync().Within();
        await using (var second = SessionRecorder.Start(client, new RecordingOptions { Path = _file.Path }))
        {
            await client.SendTextAsync("two").Within();
            await client.ReceiveAsync().Within();
        }

        var texts = (await _file.ReadAsync()).Where(f => f.Kind == FrameKind.Text).Select(f => $"{f.ConnectionId} {f.Direction} {f.Text}").ToList();
        Assert.Equal(["1 Outbound one", "1 Inbound one", "2 Outbound two", "2 Inbound two"], texts.OrderBy(t => t[0]).ThenByDescending(t => t.Contains("Outbound", StringComparison.Ordinal)));
        Assert.Equal(1, (await RecordingFile.GetMetadataAsync(_file.Path)).Reconnects);
    }

    [Fact]
    public async Task Record_then_replay_gives_back_the_same_messages()
    {
        await using var client = new ZenClient(_server.Url);
        var sent = new List<string>();
        var received = new List<string>();
        await using (var recorder = SessionRecorder.Start(client, new RecordingOptions { Path = _file.Path }))
        {
            await client.ConnectAsync().Within();
            for (var i = 0; i < 20; i++)
            {
                var message = $$"""{"i":{{i}},"text":"ünïcode \"quoted\""}""";
                await client.SendTextAsync(message).Within();
                sent.Add(message);
                received.Add((await client.ReceiveAsync().Within())!.Value.Text);
            }

            await client.SendAsync(new byte[] { 0, 1, 2, 255 }, WebSocketMessageType.Binary).Within();
            var binary = (await client.ReceiveAsync().Within())!.Value;
            Assert.Equal([0, 1, 2, 255], binary.Data.ToArray());
        }

        var outbound = new List<string>();
        var inbound = new List<string>();
        byte[]? binaryIn = null;
        await RecordingFile.ReplayAsync(_file.Path, frame =>
        {
            switch (frame)
            {
                case { Kind: FrameKind.Text, Direction: FrameDirection.Outbound }:
                    outbound.Add(frame.Text!);
                    break;
                case { Kind: FrameKind.Text, Direction: FrameDirection.Inbound }:
                    inbound.Add(frame.Text!);
                    break;
                case { Kind: FrameKind.Binary, Direction: FrameDirection.Inbound }:
                    binaryIn = frame.GetPayload();
                    break;
            }

            return ValueTask.CompletedTask;
        });

        Assert.Equal(sent, outbound);
        Assert.Equal(received, inbound);
        Assert.Equal([0, 1, 2, 255], binaryIn);
    }

    [Fact]
    public async Task A_played_recording_reaches_a_second_client_in_the_same_order()
    {
        // Record a client that only listens while the server pushes a burst of text and binary messages.
        var pushed = Enumerable.Range(0, 30).Select(i => i % 7 == 3 ? $"binary:{i}" : $$"""{"channel":"ticker","seq":{{i}}}""").ToList();
        var recordedInbound = new List<string>();
        await using (var client = new ZenClient(_server.Url))
        {
            await using var recorder = SessionRecorder.Start(client, new RecordingOptions { Path = _file.Path });
            await client.ConnectAsync().Within();
            var connection = await _server.WaitForConnectionAsync(1, Bounded.Wait);
            foreach (var message in pushed)
            {
                if (message.StartsWith("binary:", StringComparison.Ordinal))
                {
                    await connection.SendBinaryAsync(Encoding.UTF8.GetBytes(message));
                }
                else
                {
                    await connection.SendTextAsync(message);
                }
            }

            for (var i = 0; i < pushed.Count; i++)
            {
                recordedInbound.Add(Describe((await client.ReceiveAsync().Within())!.Value));
            }
        }

        // Play the recording to a second client, from connection 1 of the recording only.
        await using var second = new ZenClient(_server.Url);
        await second.ConnectAsync().Within();
        var secondConnection = await _server.WaitForConnectionAsync(2, Bounded.Wait);
        await _server.PlayRecordingAsync(secondConnection, _file.Path, new PlaybackOptions { ConnectionId = 1 }).Within();

        var replayed = new List<string>();
        for (var i = 0; i < pushed.Count; i++)
        {
            replayed.Add(Describe((await second.ReceiveAsync().Within())!.Value));
        }

        Assert.Equal(recordedInbound, replayed);
        Assert.Equal(pushed.Select(p => (p.StartsWith("binary:", StringComparison.Ordinal) ? "B " : "T ") + p), replayed);
    }

    private static string Describe(ZenMessage message) => (message.IsText ? "T " : "B ") + Encoding.UTF8.GetString(message.Data.Span);
}
