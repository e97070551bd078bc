using System.Buffers.Binary;

namespace ZenWebsocket.Testing;

/// <summary>Encodes single unmasked server-to-client frames for the raw control-frame helpers.</summary>
internal static class RawFrame
{
    public const byte Ping = 0x9;
    public const byte Pong = 0xA;
    public const int MaxControlPayload = 125;

    public static byte[] Encode(byte opcode, ReadOnlySpan<byte> payload, bool fin = true)
    {
        var headerLength = payload.Length switch
        {
            <= 125 => 2,
            <= ushort.MaxValue => 4,
            _ => 10,
        };
        var frame = new byte[headerLength + payload.Length];
        frame[0] = (byte)((fin ? 0x80 : 0) | opcode);
        switch (headerLength)
        {
            case 2:
                frame[1] = (byte)payload.Length;
                break;
            case 4:
                frame[1] = 126;
                BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)payload.Length);
                break;
            default:
                frame[1] = 127;
                BinaryPrimitives.WriteUInt64BigEndian(frame.AsSpan(2), (ulong)payload.Length);
                break;
        }

        payload.CopyTo(frame.AsSpan(headerLength));
        return frame;
    }
}
