using System.Buffers;
using System.Net.Sockets;
using System.Threading.Channels;

namespace ZenWebsocket.Testing;

/// <summary>
/// Moves bytes one way. A reader stamps each chunk with its due time; a writer waits for that time,
/// the blackhole gate and the throttle, then writes. Splitting the two keeps latency pipelined.
/// </summary>
internal sealed class ProxyPump(FaultProxy proxy, Socket source, Socket destination)
{
    private const int ChunkSize = 16 * 1024;
    private const int MaxChunksInFlight = 64;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var chunks = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(MaxChunksInFlight)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var writer = WriteLoopAsync(chunks.Reader, cancellationToken);
        try
        {
            await ReadLoopAsync(chunks.Writer, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The connection is about to be cut, which cancels the writer; do not wait for it here
            // (it may be held by the blackhole), but do observe its ending.
            chunks.Writer.TryComplete();
            _ = writer.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }

        chunks.Writer.TryComplete();
        await writer.ConfigureAwait(false);
    }

    private async Task ReadLoopAsync(ChannelWriter<Chunk> chunks, CancellationToken cancellationToken)
    {
        while (true)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
            var read = await source.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return;
            }

            var due = proxy.TimeProvider.GetUtcNow() + proxy.Latency;
            await chunks.WriteAsync(new Chunk(buffer, read, due), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteLoopAsync(ChannelReader<Chunk> chunks, CancellationToken cancellationToken)
    {
        await foreach (var chunk in chunks.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                var wait = chunk.Due - proxy.TimeProvider.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, proxy.TimeProvider, cancellationToken).ConfigureAwait(false);
                }

                await proxy.BlackholeGate.WaitOpenAsync(cancellationToken).ConfigureAwait(false);
                await WriteThrottledAsync(chunk.Buffer.AsMemory(0, chunk.Count), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk.Buffer);
            }
        }

        // The source finished sending: pass its FIN on, so half-closes survive the proxy.
        destination.Shutdown(SocketShutdown.Send);
    }

    private async Task WriteThrottledAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            var rate = proxy.BytesPerSecond;

            // Throttled writes go in slices of a tenth of a second's worth, each followed by its share of time.
            var size = rate is { } bytesPerSecond ? Math.Clamp(bytesPerSecond / 10, 1, data.Length) : data.Length;
            var sent = await destination.SendAsync(data[..size], SocketFlags.None, cancellationToken).ConfigureAwait(false);
            data = data[sent..];
            if (rate is { } limit)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)sent / limit), proxy.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private readonly record struct Chunk(byte[] Buffer, int Count, DateTimeOffset Due);
}
