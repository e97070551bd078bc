using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace ZenWebsocket.Testing.Tests.Binance;

/// <summary>
/// A bare RFC 6455 client over TCP, so tests can see the server's ping frames and choose what pong (if any) to send,
/// which ClientWebSocket hides.
/// </summary>
internal sealed class RawStreamClient : IAsyncDisposable
{
    private static readonly byte[] Mask = [0x12, 0x34, 0x56, 0x78];
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawStreamClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public string StatusLine { get; private set; } = string.Empty;

    public static async Task<RawStreamClient> ConnectAsync(int port, string path)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port).Bounded();
        var client = new RawStreamClient(tcp);
        var request = $"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await client._stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await client._stream.ReadAsync(one).AsTask().Bounded();
            if (read == 0)
            {
                break;
            }

            head.Append((char)one[0]);
        }

        client.StatusLine = head.ToString().Split("\r\n")[0];
        return client;
    }

    public async Task<(byte Opcode, byte[] Payload)> ReadFrameAsync()
    {
        var header = await ReadExactlyAsync(2);
        var opcode = (byte)(header[0] & 0x0F);
        long length = header[1] & 0x7F;
        if (length == 126)
        {
            length = BinaryPrimitives.ReadUInt16BigEndian(await ReadExactlyAsync(2));
        }
        else if (length == 127)
        {
            length = (long)BinaryPrimitives.ReadUInt64BigEndian(await ReadExactlyAsync(8));
        }

        return (opcode, await ReadExactlyAsync((int)length));
    }

    /// <summary>Reads frames until one that is not a ping.</summary>
    public async Task<(byte Opcode, byte[] Payload)> ReadNonPingAsync()
    {
        while (true)
        {
            var frame = await ReadFrameAsync();
            if (frame.Opcode != 0x9)
            {
                return frame;
            }
        }
    }

    public async Task SendAsync(byte opcode, byte[] payload)
    {
        var frame = new List<byte> { (byte)(0x80 | opcode) };
        if (payload.Length <= 125)
        {
            frame.Add((byte)(0x80 | payload.Length));
        }
        else
        {
            frame.Add(0x80 | 126);
            frame.Add((byte)(payload.Length >> 8));
            frame.Add((byte)payload.Length);
        }

        frame.AddRange(Mask);
        frame.AddRange(payload.Select((b, i) => (byte)(b ^ Mask[i % 4])));
        await _stream.WriteAsync(frame.ToArray());
    }

    public Task SendTextAsync(string text) => SendAsync(0x1, Encoding.UTF8.GetBytes(text));

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }

    private async Task<byte[]> ReadExactlyAsync(int count)
    {
        var buffer = new byte[count];
        await _stream.ReadExactlyAsync(buffer).AsTask().Bounded();
        return buffer;
    }
}
