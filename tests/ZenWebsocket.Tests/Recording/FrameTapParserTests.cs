using System.Text;

namespace ZenWebsocket.Tests.Recording;

/// <summary>The frame tap's parser, fed real WebSocket streams in every chunking.</summary>
public sealed class FrameTapParserTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reports_every_control_frame_whatever_the_split_point(bool isServer)
    {
        var wire = await WireCapture.BuildAsync(isServer);
        var direction = isServer ? FrameDirection.Inbound : FrameDirection.Outbound;

        // Every two-chunk split, from "all in the second chunk" to "all in the first".
        for (var split = 0; split <= wire.Bytes.Length; split++)
        {
            var seen = new List<string>();
            var parser = new FrameTapParser(direction, (d, kind, payload) =>
            {
                Assert.Equal(direction, d);
                seen.Add(WireCapture.Describe(kind, payload));
            });
            parser.Feed(wire.Bytes.AsSpan(0, split));
            parser.Feed(wire.Bytes.AsSpan(split));
            if (!seen.SequenceEqual(wire.ExpectedControls))
            {
                Assert.Fail($"Split at {split}: saw [{string.Join(", ", seen)}]");
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Byte_at_a_time_gives_the_same_frames_and_counts_the_data(bool isServer)
    {
        var wire = await WireCapture.BuildAsync(isServer);
        var seen = new List<string>();
        var parser = new FrameTapParser(isServer ? FrameDirection.Inbound : FrameDirection.Outbound, (_, kind, payload) => seen.Add(WireCapture.Describe(kind, payload)));

        foreach (var b in wire.Bytes)
        {
            parser.Feed([b]);
        }

        Assert.Equal(wire.ExpectedControls, seen);
        Assert.Equal(wire.ExpectedControls.Count, parser.ControlFrames);

        // hello, seven binaries, and the fragmented message's four frames.
        Assert.Equal(1 + 7 + 4, parser.DataFrames);
        Assert.Equal(5 + (0 + 1 + 125 + 126 + 127 + 65535 + 65536) + 311, parser.DataPayloadBytes);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Three_chunk_splits_around_the_fragmented_message(bool isServer)
    {
        var wire = await WireCapture.BuildAsync(isServer, large: false);
        var direction = isServer ? FrameDirection.Inbound : FrameDirection.Outbound;
        for (var first = wire.HeadLength - 3; first < wire.Bytes.Length; first += 5)
        {
            for (var second = first; second <= wire.Bytes.Length; second += 3)
            {
                var seen = new List<string>();
                var parser = new FrameTapParser(direction, (_, kind, payload) => seen.Add(WireCapture.Describe(kind, payload)));
                parser.Feed(wire.Bytes.AsSpan(0, first));
                parser.Feed(wire.Bytes.AsSpan(first, second - first));
                parser.Feed(wire.Bytes.AsSpan(second));
                Assert.True(seen.SequenceEqual(wire.ExpectedControls), $"Splits at {first} and {second}: saw [{string.Join(", ", seen)}]");
            }
        }
    }

    [Fact]
    public void A_refused_handshake_reports_nothing_and_ignores_the_body()
    {
        var seen = 0;
        var parser = new FrameTapParser(FrameDirection.Inbound, (_, _, _) => seen++);

        // The body would be an invalid frame header (and a ping, 0x89) if it were parsed.
        parser.Feed(Encoding.ASCII.GetBytes("HTTP/1.1 429 Too Many Requests\r\nContent-Length: 4\r\n\r\n\x89\x00zz"));

        Assert.Equal(0, seen);
        Assert.Equal(0, parser.DataFrames);
    }

    [Fact]
    public void Server_frames_with_a_mask_are_a_protocol_error()
    {
        var parser = new FrameTapParser(FrameDirection.Inbound, (_, _, _) => { });
        parser.Feed(WireCapture.ResponseHead);

        Assert.Throws<InvalidDataException>(() => parser.Feed(WireCapture.Encode(0x9, "x"u8, masked: true)));
    }

    [Theory]
    [InlineData(new byte[] { 0x83, 0x00 })] // reserved opcode
    [InlineData(new byte[] { 0x09, 0x00 })] // fragmented ping
    [InlineData(new byte[] { 0x89, 0x7E })] // ping longer than 125 bytes
    public void Invalid_frame_headers_are_protocol_errors(byte[] header)
    {
        var parser = new FrameTapParser(FrameDirection.Inbound, (_, _, _) => { });
        parser.Feed(WireCapture.ResponseHead);

        Assert.Throws<InvalidDataException>(() => parser.Feed(header));
    }
}
