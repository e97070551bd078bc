using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace ZenWebsocket.Tests.Recording;

/// <summary>
/// Builds real WebSocket byte streams: data, fragments and close frames written by the runtime's own WebSocket
/// (<see cref="WebSocket.CreateFromStream(Stream, WebSocketCreationOptions)"/>), pongs the runtime sends when it
/// reads a ping, and hand-encoded control frames interleaved between fragments. The result is checked by a
/// runtime WebSocket of the other role reading it back, so every stream the tests parse is a valid one.
/// </summary>
internal static class WireCapture
{
    public static readonly byte[] ResponseHead = Encoding.ASCII.GetBytes(
        "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n");

    public static readonly byte[] RequestHead = Encoding.ASCII.GetBytes(
        "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:1234\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");

    /// <summary>A session's bytes in one direction, and the control frames a tap should report from them.</summary>
    public sealed record Wire(byte[] Bytes, int HeadLength, IReadOnlyList<string> ExpectedControls, IReadOnlyList<string> ExpectedMessages);

    /// <summary>
    /// The bytes one side writes: the HTTP head, then text, binaries of the edge lengths, a fragmented message with
    /// control frames between its fragments (one of them a pong the runtime sent), and a close.
    /// </summary>
    /// <param name="isServer">Server frames are unmasked (inbound to the client), client frames masked (outbound).</param>
    /// <param name="large">Include the 65 535 and 65 536 byte payloads.</param>
    public static async Task<Wire> BuildAsync(bool isServer, bool large = true)
    {
        // The socket answers the ping we feed it with a real pong, between two fragments of its own message.
        var input = new MemoryStream([.. Encode(0x9, "rp"u8, masked: isServer), .. Encode(0x1, "x"u8, masked: isServer)]);
        var output = new MemoryStream();
        var head = isServer ? ResponseHead : RequestHead;
        output.Write(head);
        var socket = WebSocket.CreateFromStream(new SplitStream(input, output), new WebSocketCreationOptions { IsServer = isServer, KeepAliveInterval = TimeSpan.Zero });
        var controls = new List<string>();
        var messages = new List<string>();

        await socket.SendAsync("hello"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        messages.Add("text hello");
        int[] lengths = large ? [0, 1, 125, 126, 127, 65535, 65536] : [0, 1, 125, 126, 127, 300];
        foreach (var length in lengths)
        {
            await socket.SendAsync(Payload(length), WebSocketMessageType.Binary, true, CancellationToken.None);
            messages.Add($"binary {length}");
        }

        await socket.SendAsync("frag-"u8.ToArray(), WebSocketMessageType.Text, false, CancellationToken.None);
        output.Write(Encode(0x9, "p1"u8, masked: !isServer));
        controls.Add("Ping p1");
        output.Write(Encode(0x9, Payload(125), masked: !isServer));
        controls.Add("Ping " + Convert.ToHexString(Payload(125)));
        await socket.SendAsync("ment"u8.ToArray(), WebSocketMessageType.Text, false, CancellationToken.None);
        var received = await socket.ReceiveAsync(new byte[16], CancellationToken.None);
        Assert.Equal(WebSocketMessageType.Text, received.MessageType);
        controls.Add("Pong rp");
        output.Write(Encode(0xA, [], masked: !isServer));
        controls.Add("Pong ");
        await socket.SendAsync(new byte[300], WebSocketMessageType.Text, false, CancellationToken.None);
        await socket.SendAsync("ed"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        messages.Add("text " + 311);
        await socket.CloseOutputAsync((WebSocketCloseStatus)4001, "bye", CancellationToken.None);
        controls.Add("Close 0FA1" + Convert.ToHexString("bye"u8));

        var bytes = output.ToArray();
        await AssertReadableAsync(bytes.AsMemory(head.Length), isServer: !isServer, messages);
        return new Wire(bytes, head.Length, controls, messages);
    }

    /// <summary>Describes a control frame the way <see cref="Wire.ExpectedControls"/> does.</summary>
    public static string Describe(FrameKind kind, ReadOnlySpan<byte> payload) =>
        kind + " " + (kind == FrameKind.Close || payload.Length > 8 ? Convert.ToHexString(payload) : Encoding.ASCII.GetString(payload));

    /// <summary>One frame in wire format, masked with a random key when <paramref name="masked"/>.</summary>
    public static byte[] Encode(byte opcode, ReadOnlySpan<byte> payload, bool masked, bool fin = true)
    {
        var frame = new List<byte> { (byte)((fin ? 0x80 : 0) | opcode) };
        var maskBit = masked ? 0x80 : 0;
        if (payload.Length <= 125)
        {
            frame.Add((byte)(maskBit | payload.Length));
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            frame.Add((byte)(maskBit | 126));
            frame.Add((byte)(payload.Length >> 8));
            frame.Add((byte)payload.Length);
        }
        else
        {
            frame.Add((byte)(maskBit | 127));
            for (var shift = 56; shift >= 0; shift -= 8)
            {
                frame.Add((byte)((long)payload.Length >> shift));
            }
        }

        var key = masked ? RandomNumberGenerator.GetBytes(4) : [];
        frame.AddRange(key);
        for (var i = 0; i < payload.Length; i++)
        {
            frame.Add(masked ? (byte)(payload[i] ^ key[i & 3]) : payload[i]);
        }

        return [.. frame];
    }

    private static byte[] Payload(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 7))];

    private static async Task AssertReadableAsync(ReadOnlyMemory<byte> frames, bool isServer, List<string> expected)
    {
        var reader = WebSocket.CreateFromStream(new SplitStream(new MemoryStream(frames.ToArray()), Stream.Null), new WebSocketCreationOptions { IsServer = isServer, KeepAliveInterval = TimeSpan.Zero });
        var buffer = new byte[70_000];
        var seen = new List<string>();
        while (true)
        {
            var total = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await reader.ReceiveAsync(buffer.AsMemory(total), CancellationToken.None);
                total += result.Count;
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                Assert.Equal((WebSocketCloseStatus)4001, reader.CloseStatus);
                break;
            }

            seen.Add(result.MessageType == WebSocketMessageType.Text && total < 100 ? "text " + Encoding.UTF8.GetString(buffer, 0, total) : $"{(result.MessageType == WebSocketMessageType.Text ? "text" : "binary")} {total}");
        }

        Assert.Equal(expected, seen);
    }

    /// <summary>A duplex stream made of a stream to read from and one to write to.</summary>
    private sealed class SplitStream(Stream reads, Stream writes) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => reads.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => reads.ReadAsync(buffer, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => writes.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => writes.WriteAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
