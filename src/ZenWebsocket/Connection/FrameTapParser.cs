using System.Buffers.Binary;

namespace ZenWebsocket;

/// <summary>
/// Follows one direction of a WebSocket byte stream without touching it: skips the HTTP head, then walks frame
/// headers, skipping data payloads by arithmetic and collecting control payloads (at most 125 bytes) to report them.
/// Incremental: any chunking of the stream gives the same result. A protocol violation throws
/// <see cref="InvalidDataException"/>; the caller treats that as "stop watching", never as a transport error.
/// </summary>
internal sealed class FrameTapParser
{
    // A WebSocket upgrade head is a few hundred bytes; anything this long is not one.
    private const int MaxHeadLength = 64 * 1024;
    private const int MaxControlPayload = 125;

    private static ReadOnlySpan<byte> SwitchingProtocols => "HTTP/1.1 101"u8;

    private readonly FrameDirection _direction;
    private readonly Action<FrameDirection, FrameKind, ReadOnlySpan<byte>> _onControlFrame;
    private readonly byte[] _head = new byte[12];
    private readonly byte[] _header = new byte[14];
    private readonly byte[] _control = new byte[MaxControlPayload];

    private Phase _phase = Phase.Head;
    private int _headLength;
    private int _headMatched;
    private int _headerFilled;
    private int _headerNeeded = 2;
    private long _remaining;
    private int _controlFilled;
    private int _controlLength;
    private FrameKind _controlKind;
    private int _maskAt = -1;

    /// <summary>Creates a parser for one direction.</summary>
    /// <param name="direction">Inbound parses a server's response head and unmasked frames; Outbound a client's request head and masked frames.</param>
    /// <param name="onControlFrame">Receives each complete ping, pong or close frame, payload unmasked; the span is only valid during the call.</param>
    public FrameTapParser(FrameDirection direction, Action<FrameDirection, FrameKind, ReadOnlySpan<byte>> onControlFrame)
    {
        _direction = direction;
        _onControlFrame = onControlFrame;
    }

    private enum Phase
    {
        Head,
        FrameHeader,
        ControlPayload,
        SkipPayload,

        // The handshake was refused (not 101): no frames will follow on this connection.
        Idle,
    }

    /// <summary>Gets how many data frames (text, binary, continuation) went past.</summary>
    public long DataFrames { get; private set; }

    /// <summary>Gets the total payload length of those data frames.</summary>
    public long DataPayloadBytes { get; private set; }

    /// <summary>Gets how many control frames were reported.</summary>
    public long ControlFrames { get; private set; }

    /// <summary>Follows the next chunk of the stream.</summary>
    /// <param name="data">The bytes, exactly as they went over the connection.</param>
    /// <exception cref="InvalidDataException">The bytes are not a WebSocket stream.</exception>
    public void Feed(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            switch (_phase)
            {
                case Phase.Head:
                    data = ConsumeHead(data);
                    break;
                case Phase.FrameHeader:
                    data = ConsumeFrameHeader(data);
                    break;
                case Phase.ControlPayload:
                    data = ConsumeControlPayload(data);
                    break;
                case Phase.SkipPayload:
                    var skip = (int)Math.Min(_remaining, data.Length);
                    _remaining -= skip;
                    data = data[skip..];
                    if (_remaining == 0)
                    {
                        _phase = Phase.FrameHeader;
                    }

                    break;
                default:
                    return;
            }
        }
    }

    private ReadOnlySpan<byte> ConsumeHead(ReadOnlySpan<byte> data)
    {
        var i = 0;
        while (i < data.Length)
        {
            var b = data[i++];
            if (_headLength < _head.Length)
            {
                _head[_headLength] = b;
            }

            if (++_headLength > MaxHeadLength)
            {
                throw new InvalidDataException("The HTTP head did not end within 64 KiB.");
            }

            // Track "\r\n\r\n": positions 0 and 2 want CR, 1 and 3 want LF; a CR restarts the match at 1.
            var expected = (_headMatched & 1) == 0 ? (byte)'\r' : (byte)'\n';
            _headMatched = b == expected ? _headMatched + 1 : (b == '\r' ? 1 : 0);
            if (_headMatched == 4)
            {
                EndHead();
                return data[i..];
            }
        }

        return [];
    }

    private void EndHead()
    {
        // Only a 101 answer is followed by frames; a refused handshake may carry a body that is not ours to parse.
        var switching = _headLength >= SwitchingProtocols.Length && _head.AsSpan().SequenceEqual(SwitchingProtocols);
        _phase = _direction == FrameDirection.Outbound || switching ? Phase.FrameHeader : Phase.Idle;
    }

    private ReadOnlySpan<byte> ConsumeFrameHeader(ReadOnlySpan<byte> data)
    {
        var take = Math.Min(_headerNeeded - _headerFilled, data.Length);
        data[..take].CopyTo(_header.AsSpan(_headerFilled));
        _headerFilled += take;
        data = data[take..];
        if (_headerFilled == 2 && _headerNeeded == 2)
        {
            _headerNeeded = SizeHeader();
        }

        if (_headerFilled == _headerNeeded)
        {
            BeginPayload();
        }

        return data;
    }

    /// <summary>Validates the first two header bytes and returns the full header length.</summary>
    private int SizeHeader()
    {
        var opcode = _header[0] & 0x0F;
        var fin = (_header[0] & 0x80) != 0;
        var masked = (_header[1] & 0x80) != 0;
        var length7 = _header[1] & 0x7F;

        // Clients must mask and servers must not (RFC 6455 5.1): a mismatch means we lost the frame boundaries.
        if (masked != (_direction == FrameDirection.Outbound))
        {
            throw new InvalidDataException($"A {_direction} frame has the mask bit {(masked ? "set" : "clear")}.");
        }

        if (opcode is >= 0x8 and <= 0xA)
        {
            if (!fin || length7 > MaxControlPayload)
            {
                throw new InvalidDataException($"Control frame 0x{opcode:X} is fragmented or longer than 125 bytes.");
            }
        }
        else if (opcode > 0x2)
        {
            throw new InvalidDataException($"Reserved opcode 0x{opcode:X}.");
        }

        var extended = length7 switch
        {
            126 => 2,
            127 => 8,
            _ => 0,
        };
        return 2 + extended + (masked ? 4 : 0);
    }

    private void BeginPayload()
    {
        var opcode = _header[0] & 0x0F;
        var masked = (_header[1] & 0x80) != 0;
        var length7 = _header[1] & 0x7F;
        long length = length7 switch
        {
            126 => BinaryPrimitives.ReadUInt16BigEndian(_header.AsSpan(2)),
            127 => checked((long)BinaryPrimitives.ReadUInt64BigEndian(_header.AsSpan(2))),
            _ => length7,
        };
        if (length < 0)
        {
            throw new InvalidDataException("Negative payload length.");
        }

        _maskAt = masked ? _headerNeeded - 4 : -1;
        _headerFilled = 0;
        _headerNeeded = 2;

        if (opcode >= 0x8)
        {
            _controlKind = opcode switch
            {
                0x8 => FrameKind.Close,
                0x9 => FrameKind.Ping,
                _ => FrameKind.Pong,
            };
            _controlLength = (int)length;
            _controlFilled = 0;
            _phase = Phase.ControlPayload;
            if (_controlLength == 0)
            {
                ReportControl();
            }

            return;
        }

        DataFrames++;
        DataPayloadBytes += length;
        _remaining = length;
        _phase = length == 0 ? Phase.FrameHeader : Phase.SkipPayload;
    }

    private ReadOnlySpan<byte> ConsumeControlPayload(ReadOnlySpan<byte> data)
    {
        var take = Math.Min(_controlLength - _controlFilled, data.Length);
        data[..take].CopyTo(_control.AsSpan(_controlFilled));
        _controlFilled += take;
        if (_controlFilled == _controlLength)
        {
            ReportControl();
        }

        return data[take..];
    }

    private void ReportControl()
    {
        var payload = _control.AsSpan(0, _controlLength);
        if (_maskAt >= 0)
        {
            // The mask key is still in the header buffer: the next header only overwrites it after this returns.
            for (var i = 0; i < payload.Length; i++)
            {
                payload[i] ^= _header[_maskAt + (i & 3)];
            }
        }

        _phase = Phase.FrameHeader;
        ControlFrames++;
        _onControlFrame(_direction, _controlKind, payload);
    }
}
