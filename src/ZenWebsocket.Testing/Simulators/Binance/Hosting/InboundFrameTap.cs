using System.Buffers.Binary;

namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>
/// Sits under the server WebSocket and watches the client's frames go by: each complete inbound frame is reported
/// with its opcode and, for control frames, its unmasked payload (pong payloads must echo our pings; every frame
/// counts toward the inbound rate limit). The bytes themselves pass on unchanged.
/// </summary>
internal sealed class InboundFrameTap(Stream inner, Action<byte, byte[]> onFrame) : AsyncWrappingStream(inner)
{
    private readonly byte[] _header = new byte[14];
    private readonly byte[] _mask = new byte[4];
    private int _headerLength;
    private int _headerNeeded = 2;
    private bool _inPayload;
    private byte _opcode;
    private long _payloadRemaining;
    private long _payloadIndex;
    private byte[]? _control;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Parse(buffer.Span[..read]);
        return read;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        Inner.WriteAsync(buffer, cancellationToken);

    public override Task FlushAsync(CancellationToken cancellationToken) => Inner.FlushAsync(cancellationToken);

    private void Parse(ReadOnlySpan<byte> data)
    {
        var i = 0;
        while (i < data.Length)
        {
            if (!_inPayload)
            {
                _header[_headerLength++] = data[i++];
                if (_headerLength == 2)
                {
                    var length7 = _header[1] & 0x7F;
                    var masked = (_header[1] & 0x80) != 0;
                    _headerNeeded = 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + (masked ? 4 : 0);
                }

                if (_headerLength >= 2 && _headerLength == _headerNeeded)
                {
                    StartPayload();
                }

                continue;
            }

            var take = (int)Math.Min(_payloadRemaining, data.Length - i);
            if (_control is not null)
            {
                for (var k = 0; k < take; k++)
                {
                    var at = _payloadIndex + k;
                    _control[at] = (byte)(data[i + k] ^ _mask[at % 4]);
                }
            }

            _payloadIndex += take;
            _payloadRemaining -= take;
            i += take;
            if (_payloadRemaining == 0)
            {
                FinishFrame();
            }
        }
    }

    private void StartPayload()
    {
        _opcode = (byte)(_header[0] & 0x0F);
        var length7 = _header[1] & 0x7F;
        var masked = (_header[1] & 0x80) != 0;
        long length = length7;
        var at = 2;
        if (length7 == 126)
        {
            length = BinaryPrimitives.ReadUInt16BigEndian(_header.AsSpan(2));
            at = 4;
        }
        else if (length7 == 127)
        {
            length = (long)BinaryPrimitives.ReadUInt64BigEndian(_header.AsSpan(2));
            at = 10;
        }

        if (masked)
        {
            _header.AsSpan(at, 4).CopyTo(_mask);
        }
        else
        {
            Array.Clear(_mask);
        }

        // Control frames carry at most 125 bytes; a larger one is a protocol error the WebSocket above reports.
        _control = _opcode >= 0x8 && length <= 125 ? new byte[length] : null;
        _payloadRemaining = length;
        _payloadIndex = 0;
        _inPayload = true;
        if (length == 0)
        {
            FinishFrame();
        }
    }

    private void FinishFrame()
    {
        var payload = _control ?? [];
        _inPayload = false;
        _headerLength = 0;
        _headerNeeded = 2;
        _control = null;
        onFrame(_opcode, payload);
    }
}
