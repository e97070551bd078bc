namespace ZenWebsocket.Tests.Recording;

/// <summary>The frame tap as a stream: bytes pass unchanged both ways, faults switch it off without reaching the transport.</summary>
public sealed class FrameTapStreamTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Bytes_pass_through_unchanged_at_every_split_point(bool isServer)
    {
        var wire = await WireCapture.BuildAsync(isServer, large: false);
        for (var split = 0; split <= wire.Bytes.Length; split++)
        {
            var seen = new List<string>();
            var (passed, tap) = isServer
                ? await ReadThroughAsync(wire.Bytes, [split, wire.Bytes.Length - split], seen)
                : await WriteThroughAsync(wire.Bytes, [split, wire.Bytes.Length - split], seen);

            Assert.True(wire.Bytes.AsSpan().SequenceEqual(passed), $"Bytes changed at split {split}");
            Assert.True(seen.SequenceEqual(wire.ExpectedControls), $"Split at {split}: saw [{string.Join(", ", seen)}]");
            Assert.False(tap.IsDisabled);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Bytes_pass_through_unchanged_in_random_chunkings_of_large_frames(bool isServer)
    {
        var wire = await WireCapture.BuildAsync(isServer);
        var random = new Random(20261126);
        for (var run = 0; run < 50; run++)
        {
            var chunks = new List<int>();
            for (var left = wire.Bytes.Length; left > 0;)
            {
                var size = Math.Min(left, random.Next(1, run % 2 == 0 ? 20 : 70_000));
                chunks.Add(size);
                left -= size;
            }

            var seen = new List<string>();
            var (passed, _) = isServer ? await ReadThroughAsync(wire.Bytes, chunks, seen) : await WriteThroughAsync(wire.Bytes, chunks, seen);

            Assert.True(wire.Bytes.AsSpan().SequenceEqual(passed));
            Assert.Equal(wire.ExpectedControls, seen);
        }
    }

    [Fact]
    public async Task A_parse_error_switches_the_tap_off_once_and_the_bytes_still_flow()
    {
        byte[] garbage = [.. WireCapture.ResponseHead, 0x83, 0x00, .. WireCapture.Encode(0x9, "late"u8, masked: false)];
        var faults = new List<Exception>();
        var seen = new List<string>();
        var tap = new FrameTapStream(new MemoryStream(garbage), (_, kind, payload) => seen.Add(WireCapture.Describe(kind, payload)), faults.Add);

        var passed = new MemoryStream();
        var buffer = new byte[3];
        int read;
        while ((read = await tap.ReadAsync(buffer)) > 0)
        {
            passed.Write(buffer, 0, read);
        }

        Assert.Equal(garbage, passed.ToArray());
        Assert.True(tap.IsDisabled);
        Assert.IsType<InvalidDataException>(Assert.Single(faults));
        Assert.Empty(seen);
    }

    [Fact]
    public async Task A_throwing_fault_handler_does_not_reach_the_transport()
    {
        byte[] garbage = [.. WireCapture.RequestHead, 0x81, 0x05]; // client text frame without a mask
        var sink = new MemoryStream();
        var tap = new FrameTapStream(sink, (_, _, _) => { }, _ => throw new InvalidOperationException("logger broke"));

        await tap.WriteAsync(garbage);

        Assert.True(tap.IsDisabled);
        Assert.Equal(garbage, sink.ToArray());
    }

    private static async Task<(byte[] Passed, FrameTapStream Tap)> ReadThroughAsync(byte[] bytes, IEnumerable<int> chunks, List<string> seen)
    {
        var tap = new FrameTapStream(new ChunkedReadStream(bytes, chunks), (_, kind, payload) => seen.Add(WireCapture.Describe(kind, payload)));
        var passed = new MemoryStream();
        var buffer = new byte[80_000];
        int read;
        while ((read = await tap.ReadAsync(buffer)) > 0)
        {
            passed.Write(buffer, 0, read);
        }

        return (passed.ToArray(), tap);
    }

    private static async Task<(byte[] Passed, FrameTapStream Tap)> WriteThroughAsync(byte[] bytes, IEnumerable<int> chunks, List<string> seen)
    {
        var sink = new MemoryStream();
        var tap = new FrameTapStream(sink, (_, kind, payload) => seen.Add(WireCapture.Describe(kind, payload)));
        var offset = 0;
        foreach (var size in chunks)
        {
            await tap.WriteAsync(bytes.AsMemory(offset, size));
            offset += size;
        }

        return (sink.ToArray(), tap);
    }

    /// <summary>Returns exactly the given chunk sizes from successive reads, as a socket might.</summary>
    private sealed class ChunkedReadStream(byte[] bytes, IEnumerable<int> chunks) : MemoryStream(bytes)
    {
        private readonly Queue<int> _chunks = new(chunks.Where(c => c > 0));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var size = _chunks.TryDequeue(out var next) ? next : buffer.Length;
            return base.ReadAsync(buffer[..Math.Min(size, buffer.Length)], cancellationToken);
        }
    }
}
