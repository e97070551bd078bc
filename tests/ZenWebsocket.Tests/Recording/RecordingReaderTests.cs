using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Recording;

/// <summary>Reading, replaying and summarising hand-written recordings.</summary>
public sealed class RecordingReaderTests : IDisposable
{
    private const string Sample = """
        {"seq":1,"mono":0,"ts":"2026-01-20T15:30:45Z","dir":"out","conn":1,"attempt":1,"type":"text","data":"subscribe"}
        {"seq":2,"mono":10000000,"ts":"2026-01-20T15:30:46Z","dir":"in","conn":1,"attempt":1,"type":"text","data":"tick 1"}

        this line is not json
        {"seq":3,"mono":30000000,"ts":"2026-01-20T15:30:48Z","dir":"out","conn":1,"attempt":1,"type":"ping","data":"AAAAAAAAAAE="}
        {"seq":4,"mono":30000000,"ts":"2026-01-20T15:30:48Z","dir":"in","conn":1,"attempt":1,"type":"pong","data":"AAAAAAAAAAE="}
        {"seq":5,"mono":40000000,"ts":"2026-01-20T15:30:49Z","dir":"in","conn":1,"attempt":1,"type":"close","data":"D6E=","code":4001}
        {"seq":6,"mono":50000000,"ts":"2026-01-20T15:30:50Z","dir":"in","conn":2,"attempt":1,"type":"binary","data":"AQID"}
        {"seq":7,"ts":"2026-01-20T15:30:51Z","dir":"sideways","type":"text","data":"bad direction"}
        {"seq":1,"mono":0,"ts":"2026-01-20T15:31:00Z","dir":"in","conn":3,"attempt":2,"type":"text","data":"next run"}
        """;

    private readonly TempRecording _file = new();

    public RecordingReaderTests() => File.WriteAllText(_file.Path, Sample);

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Reads_entries_in_order_and_counts_skipped_lines()
    {
        var stats = new RecordingReadStats();
        var frames = new List<RecordedFrame>();
        await foreach (var frame in RecordingFile.ReadAsync(_file.Path, stats))
        {
            frames.Add(frame);
        }

        Assert.Equal([1L, 2, 3, 4, 5, 6, 1], frames.Select(f => f.Sequence));
        Assert.Equal(7, stats.Entries);
        Assert.Equal(3, stats.SkippedLines); // the blank line, the non-JSON line, the bad direction
        Assert.Equal(FrameKind.Close, frames[4].Kind);
        Assert.Equal(4001, frames[4].CloseCode);
        Assert.Equal(new DateTimeOffset(2026, 1, 20, 15, 30, 46, TimeSpan.Zero), frames[1].Timestamp);
        Assert.Equal(TimeSpan.FromSeconds(1), frames[1].Elapsed);
    }

    [Fact]
    public async Task Metadata_counts_by_direction_and_kind_with_connections_and_reconnects()
    {
        var metadata = await RecordingFile.GetMetadataAsync(_file.Path);

        Assert.Equal(7, metadata.Entries);
        Assert.Equal(5, metadata.Inbound);
        Assert.Equal(2, metadata.Outbound);
        Assert.Equal(1, metadata.OutboundByKind[FrameKind.Text]);
        Assert.Equal(1, metadata.OutboundByKind[FrameKind.Ping]);
        Assert.Equal(2, metadata.InboundByKind[FrameKind.Text]);
        Assert.Equal(1, metadata.InboundByKind[FrameKind.Pong]);
        Assert.Equal(1, metadata.InboundByKind[FrameKind.Close]);
        Assert.Equal(1, metadata.InboundByKind[FrameKind.Binary]);
        Assert.Equal(3, metadata.Count(FrameKind.Text));
        Assert.Equal([1L, 2, 3], metadata.Connections);
        Assert.Equal(2, metadata.Reconnects);
        Assert.Equal(new DateTimeOffset(2026, 1, 20, 15, 30, 45, TimeSpan.Zero), metadata.FirstTimestamp);
        Assert.Equal(new DateTimeOffset(2026, 1, 20, 15, 31, 0, TimeSpan.Zero), metadata.LastTimestamp);
        Assert.Equal(TimeSpan.FromSeconds(15), metadata.Duration);
        Assert.Equal(3, metadata.SkippedLines);
    }

    [Fact]
    public async Task Metadata_of_an_empty_recording_is_zeros()
    {
        await File.WriteAllTextAsync(_file.Path, string.Empty);

        var metadata = await RecordingFile.GetMetadataAsync(_file.Path);

        Assert.Equal(0, metadata.Entries);
        Assert.Null(metadata.FirstTimestamp);
        Assert.Equal(TimeSpan.Zero, metadata.Duration);
        Assert.Empty(metadata.Connections);
        Assert.Equal(0, metadata.Reconnects);
    }

    [Fact]
    public async Task Replays_as_fast_as_possible_in_file_order()
    {
        var replayed = new List<string>();
        var stats = await RecordingFile.ReplayAsync(_file.Path, frame =>
        {
            replayed.Add($"{frame.Direction} {frame.Kind}");
            return ValueTask.CompletedTask;
        });

        Assert.Equal(7, replayed.Count);
        Assert.Equal("Outbound Text", replayed[0]);
        Assert.Equal(7, stats.Entries);
        Assert.Equal(3, stats.SkippedLines);
    }

    [Fact]
    public async Task Replays_with_the_original_gaps_on_the_injected_clock()
    {
        var time = new TimerSignalingTimeProvider();
        var replayed = 0;
        var replay = RecordingFile.ReplayAsync(
            _file.Path,
            _ =>
            {
                Interlocked.Increment(ref replayed);
                return ValueTask.CompletedTask;
            },
            ReplayPacing.Original,
            time);

        // Gaps from the monotonic clock: 1 s, 2 s, none (same tick), 1 s, 1 s; then a new run: the wall clock, 10 s.
        TimeSpan[] gaps = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)];
        int[] before = [1, 2, 4, 5, 6];
        for (var i = 0; i < gaps.Length; i++)
        {
            Assert.Equal(gaps[i], await time.NextTimerAsync());
            Assert.Equal(before[i], Volatile.Read(ref replayed));
            time.Advance(gaps[i]);
        }

        await replay.Within();
        Assert.Equal(7, replayed);
    }
}
