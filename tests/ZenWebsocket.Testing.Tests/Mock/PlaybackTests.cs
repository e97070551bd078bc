using System.Net.WebSockets;

namespace ZenWebsocket.Testing.Tests;

/// <summary>Playing a ZenWebsocket session recording (hand-written here) from the mock server to a client.</summary>
public sealed class PlaybackTests : IDisposable
{
    // Two connections; outbound entries, control frames, a blank and a broken line must all be skipped.
    private const string Recording = """
        {"seq":1,"mono":0,"ts":"2026-01-20T15:30:45Z","dir":"out","conn":1,"attempt":1,"type":"text","data":"{\"method\":\"subscribe\"}"}
        {"seq":2,"mono":10000000,"ts":"2026-01-20T15:30:46Z","dir":"in","conn":1,"attempt":1,"type":"text","data":"{\"tick\":1}"}
        {"seq":3,"mono":10000000,"ts":"2026-01-20T15:30:46Z","dir":"in","conn":1,"attempt":1,"type":"pong","data":"AAAAAAAAAAE="}

        not a recorded line
        {"seq":4,"mono":30000000,"ts":"2026-01-20T15:30:48Z","dir":"in","conn":1,"attempt":1,"type":"binary","data":"AQID"}
        {"seq":5,"mono":30000000,"ts":"2026-01-20T15:30:48Z","dir":"in","conn":1,"attempt":1,"type":"close","data":"D6E=","code":4001,"reason":""}
        {"seq":6,"mono":40000000,"ts":"2026-01-20T15:30:49Z","dir":"in","conn":2,"attempt":1,"type":"text","data":"{\"tick\":2}"}
        {"seq":7,"mono":40000000,"ts":"2026-01-20T15:30:49Z","dir":"out","conn":2,"attempt":1,"type":"text","data":"ack"}
        {"seq":8,"mono":45000000,"ts":"2026-01-20T15:30:49.5Z","dir":"in","conn":2,"attempt":1,"type":"text","data":"{\"tick\":3}"}
        """;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"zenws-playback-{Guid.NewGuid():N}.jsonl");

    public PlaybackTests() => File.WriteAllText(_path, Recording);

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task Plays_inbound_text_and_binary_in_order_and_skips_everything_else()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var client = await Client.ConnectAsync(server.Url);
        var connection = await server.WaitForConnectionAsync(1, Client.Bound);

        await server.PlayRecordingAsync(connection, _path).AsTask().Bounded();

        Assert.Equal("{\"tick\":1}", await client.ReceiveTextAsync());
        var binary = await client.ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Binary, binary.Type);
        Assert.Equal(new byte[] { 1, 2, 3 }, binary.Data);
        Assert.Equal("{\"tick\":2}", await client.ReceiveTextAsync());
        Assert.Equal("{\"tick\":3}", await client.ReceiveTextAsync());
        Assert.Equal(WebSocketState.Open, client.State);
    }

    [Fact]
    public async Task Plays_only_the_chosen_connection()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var client = await Client.ConnectAsync(server.Url);
        var connection = await server.WaitForConnectionAsync(1, Client.Bound);

        await server.PlayRecordingAsync(connection, _path, new PlaybackOptions { ConnectionId = 2 }).AsTask().Bounded();
        await connection.SendTextAsync("end");

        Assert.Equal("{\"tick\":2}", await client.ReceiveTextAsync());
        Assert.Equal("{\"tick\":3}", await client.ReceiveTextAsync());
        Assert.Equal("end", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task Original_pacing_waits_the_recorded_gaps_on_the_injected_clock()
    {
        var time = new SignalingFakeTimeProvider();
        await using var server = await MockWebSocketServer.StartAsync();
        using var client = await Client.ConnectAsync(server.Url);
        var connection = await server.WaitForConnectionAsync(1, Client.Bound);

        var play = server.PlayRecordingAsync(connection, _path, new PlaybackOptions { OriginalPacing = true, TimeProvider = time }).AsTask();

        Assert.Equal("{\"tick\":1}", await client.ReceiveTextAsync());
        Assert.Equal(TimeSpan.FromSeconds(2), await time.NextTimerAsync()); // tick 1 -> binary, monotonic clock
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(WebSocketMessageType.Binary, (await client.ReceiveAsync()).Type);
        Assert.Equal(TimeSpan.FromSeconds(1), await time.NextTimerAsync());
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("{\"tick\":2}", await client.ReceiveTextAsync());
        Assert.Equal(TimeSpan.FromMilliseconds(500), await time.NextTimerAsync());
        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal("{\"tick\":3}", await client.ReceiveTextAsync());
        await play.Bounded();
    }

    [Fact]
    public async Task A_missing_file_fails_loudly()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var client = await Client.ConnectAsync(server.Url);
        var connection = await server.WaitForConnectionAsync(1, Client.Bound);

        await Assert.ThrowsAsync<FileNotFoundException>(() => server.PlayRecordingAsync(connection, _path + ".missing").AsTask());
    }
}
