using System.Text;
using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Recording;

/// <summary>The recorder on its own, fed frames directly, on a fake clock.</summary>
public sealed class SessionRecorderTests : IAsyncLifetime
{
    private readonly TempRecording _file = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));
    private ZenClient _client = null!;

    public Task InitializeAsync()
    {
        _client = new ZenClient(new Uri("ws://127.0.0.1:9/"), new ZenClientOptions { TimeProvider = _time });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task Writes_one_json_object_per_line_in_the_documented_format()
    {
        await using (var recorder = SessionRecorder.Start(_client, new RecordingOptions { Path = _file.Path }))
        {
            _time.Advance(TimeSpan.FromSeconds(2));
            recorder.OnFrame(Frame(FrameDirection.Outbound, FrameKind.Text, """{"a":"é"}"""u8.ToArray(), connection: 7, attempt: 2));
            recorder.OnFrame(Frame(FrameDirection.Inbound, FrameKind.Binary, [1, 2, 3]));
            recorder.OnFrame(Frame(FrameDirection.Outbound, FrameKind.Ping, [0, 0, 0, 0, 0, 0, 0, 1]));
            byte[] close = [0x03, 0xE8, .. "bye"u8];
            recorder.OnFrame(Frame(FrameDirection.Inbound, FrameKind.Close, close));
        }

        var lines = _file.Lines();
        Assert.Equal(4, lines.Length);
        Assert.Equal("""{"seq":1,"mono":20000000,"ts":"2026-11-26T00:00:02Z","dir":"out","conn":7,"attempt":2,"type":"text","data":"{\"a\":\"é\"}"}""", lines[0]);
        Assert.Equal("""{"seq":2,"mono":20000000,"ts":"2026-11-26T00:00:02Z","dir":"in","conn":1,"attempt":1,"type":"binary","data":"AQID"}""", lines[1]);
        Assert.Equal("""{"seq":3,"mono":20000000,"ts":"2026-11-26T00:00:02Z","dir":"out","conn":1,"attempt":1,"type":"ping","data":"AAAAAAAAAAE="}""", lines[2]);
        Assert.Equal("""{"seq":4,"mono":20000000,"ts":"2026-11-26T00:00:02Z","dir":"in","conn":1,"attempt":1,"type":"close","data":"A+hieWU=","code":1000,"reason":"bye"}""", lines[3]);

        var frames = await _file.ReadAsync();
        Assert.Equal("""{"a":"é"}""", frames[0].Text);
        Assert.Equal([1, 2, 3], frames[1].GetPayload());
        Assert.Equal((1000, "bye"), (frames[3].CloseCode, frames[3].CloseReason));
        Assert.Equal(TimeSpan.FromSeconds(2), frames[3].Elapsed);
    }

    [Fact]
    public async Task Text_is_redacted_before_it_reaches_the_file()
    {
        await using (var recorder = SessionRecorder.Start(_client, new RecordingOptions { Path = _file.Path }))
        {
            recorder.OnFrame(Frame(FrameDirection.Outbound, FrameKind.Text, """{"params":{"client_id":"id","client_secret":"s3cr3t"}}"""u8.ToArray()));
        }

        var text = _file.ReadAll();
        Assert.DoesNotContain("s3cr3t", text, StringComparison.Ordinal);
        Assert.Contains("client_id", text, StringComparison.Ordinal);
        Assert.Contains(JsonRedactor.Mask, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_buffer_drops_and_counts_instead_of_blocking()
    {
        var output = new GatedStream();
        var recorder = SessionRecorder.StartOnStream(_client, new RecordingOptions { Path = "gated", BufferCapacity = 4 }, output);

        // The writer takes the first entry and stalls writing it; four more fill the buffer; the rest are dropped.
        recorder.OnFrame(Frame(FrameDirection.Inbound, FrameKind.Text, "first"u8.ToArray()));
        await output.FirstWrite.Within();
        for (var i = 0; i < 20; i++)
        {
            recorder.OnFrame(Frame(FrameDirection.Inbound, FrameKind.Text, Encoding.UTF8.GetBytes($"m{i}")));
        }

        Assert.Equal(16, recorder.Stats.Dropped);

        output.Open();
        await recorder.DisposeAsync().Within();
        Assert.Equal(new RecorderStats(5, output.ToArray().Length, 16, 1), recorder.Stats);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.Contains("\"data\":\"m3\"", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_writes_everything_still_buffered()
    {
        // The original flushed every 100 entries or every second, and lost up to 99 entries when stopped.
        var recorder = SessionRecorder.Start(_client, new RecordingOptions { Path = _file.Path, FlushInterval = TimeSpan.FromHours(1) });
        for (var i = 0; i < 250; i++)
        {
            recorder.OnFrame(Frame(FrameDirection.Inbound, FrameKind.Text, Encoding.UTF8.GetBytes($"m{i}")));
        }

        await recorder.DisposeAsync().Within();

        var frames = await _file.ReadAsync();
        Assert.Equal(Enumerable.Range(0, 250).Select(i => $"m{i}"), frames.Select(f => f.Text));
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (long)i), frames.Select(f => f.Sequence));
        Assert.Equal(250, recorder.Stats.EntriesWritten);
        Assert.Equal(0, recorder.Stats.Dropped);
    }

    [Fact]
    public async Task Flushes_on_the_interval_of_the_injected_clock()
    {
        await using var recorder = SessionRecorder.Start(_client, new RecordingOptions { Path = _file.Path, FlushInterval = TimeSpan.FromSeconds(5) });
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        recorder.Flushed = () => flushed.TrySetResult();
        recorder.OnFrame(Frame(FrameDirection.Inbound, FrameKind.Text, "a"u8.ToArray()));
        recorder.OnFrame(Frame(FrameDirection.Inbound, FrameKind.Text, "b"u8.ToArray()));

        _time.Advance(TimeSpan.FromSeconds(5));
        await flushed.Task.Within();

        Assert.Equal(2, _file.Lines().Length);
        Assert.Equal(1, recorder.Stats.Flushes);
    }

    [Fact]
    public async Task FlushAsync_makes_everything_recorded_before_it_readable()
    {
        await using var recorder = SessionRecorder.Start(_client, new RecordingOptions { Path = _file.Path, FlushInterval = TimeSpan.FromHours(1) });
        recorder.OnFrame(Frame(FrameDirection.Outbound, FrameKind.Text, "a"u8.ToArray()));

        await recorder.FlushAsync().Within();

        Assert.Equal("a", Assert.Single(await _file.ReadAsync()).Text);
    }

    [Fact]
    public async Task A_close_frame_is_flushed_at_once()
    {
        await using var recorder = SessionRecorder.Start(_client, new RecordingOptions { Path = _file.Path, FlushInterval = TimeSpan.FromHours(1) });
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        recorder.Flushed = () => flushed.TrySetResult();

        recorder.OnFrame(Frame(FrameDirection.Inbound, FrameKind.Close, [0x03, 0xE8]));
        await flushed.Task.Within();

        Assert.Equal(1000, Assert.Single(await _file.ReadAsync()).CloseCode);
    }

    [Fact]
    public async Task A_new_recorder_appends_and_Append_false_truncates()
    {
        await using (var first = SessionRecorder.Start(_client, new RecordingOptions { Path = _file.Path }))
        {
            first.OnFrame(Frame(FrameDirection.Inbound, FrameKind.Text, "one"u8.ToArray()));
        }

        await using (var second = SessionRecorder.Start(_client, new RecordingOptions { Path = _file.Path }))
        {
            second.OnFrame(Frame(FrameDirection.Inbound, FrameKind.Text, "two"u8.ToArray()));
        }

        Assert.Equal(["one", "two"], (await _file.ReadAsync()).Select(f => f.Text));

        await using (var third = SessionRecorder.Start(_client, new RecordingOptions { Path = _file.Path, Append = false }))
        {
            third.OnFrame(Frame(FrameDirection.Inbound, FrameKind.Text, "three"u8.ToArray()));
        }

        Assert.Equal(["three"], (await _file.ReadAsync()).Select(f => f.Text));
    }

    [Fact]
    public async Task Registers_with_the_client_and_unregisters_on_dispose()
    {
        await using var server = await ZenWebsocket.Testing.MockWebSocketServer.StartAsync();
        await using var client = new ZenClient(server.Url);
        var recorder = SessionRecorder.Start(client, new RecordingOptions { Path = _file.Path });
        await client.ConnectAsync().Within();
        await client.SendTextAsync("recorded").Within();
        Assert.NotNull(await client.ReceiveAsync().Within());
        await recorder.DisposeAsync();

        await client.SendTextAsync("not recorded").Within();
        Assert.NotNull(await client.ReceiveAsync().Within());

        var texts = (await _file.ReadAsync()).Where(f => f.Kind == FrameKind.Text).Select(f => $"{f.Direction} {f.Text}");
        Assert.Equal(["Inbound recorded", "Outbound recorded"], texts.Order());
    }

    [Theory]
    [InlineData("", 10, 1)]
    [InlineData("x", 0, 1)]
    [InlineData("x", 10, 0)]
    public void Invalid_options_throw_naming_the_option(string path, int capacity, int flushSeconds)
    {
        var options = new RecordingOptions { Path = path, BufferCapacity = capacity, FlushInterval = TimeSpan.FromSeconds(flushSeconds) };

        var error = Assert.ThrowsAny<ArgumentException>(() => SessionRecorder.Start(_client, options));
        Assert.Contains("RecordingOptions.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_directory_fails_loudly()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "x.jsonl");

        Assert.Throws<DirectoryNotFoundException>(() => SessionRecorder.Start(_client, new RecordingOptions { Path = path }));
    }

    private ObservedFrame Frame(FrameDirection direction, FrameKind kind, byte[] payload, long connection = 1, int attempt = 1) =>
        new(direction, kind, payload, connection, attempt, _time.GetTimestamp(), _time.GetUtcNow());
}
