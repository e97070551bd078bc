using System.Buffers;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ZenWebsocket;

/// <summary>
/// Records every frame of a <see cref="ZenClient"/>, in and out, to a JSON Lines file: text and binary messages
/// (heartbeat traffic included) and the ping, pong and close control frames, across reconnects. Callers are never
/// blocked: entries go through a bounded buffer to a background writer, and when it is full they are dropped and
/// counted. Dispose it to flush and close the file; nothing buffered is lost.
/// </summary>
/// <remarks>Read a recording back with <see cref="RecordingFile"/>; the line format is described there.</remarks>
public sealed partial class SessionRecorder : IFrameObserver, IAsyncDisposable
{
    private readonly Channel<RecorderEntry> _queue;
    private readonly Stream _output;
    private readonly TimeProvider _clientTime;
    private readonly long _started;
    private readonly Func<string, string>? _redactor;
    private readonly ILogger _logger;
    private readonly ITimer _flushTimer;
    private readonly IDisposable _frameRegistration;
    private readonly IDisposable _connectionRegistration;
    private readonly Task _writer;
    private long _written;
    private long _bytes;
    private long _dropped;
    private long _flushes;
    private int _disposed;
    private Exception? _fault;

    private SessionRecorder(ZenClient client, RecordingOptions options, Stream output)
    {
        Path = options.Path;
        _output = output;
        _clientTime = client.Options.TimeProvider;
        _started = _clientTime.GetTimestamp();
        _redactor = options.Redactor;
        _logger = client.Options.LoggerFactory?.CreateLogger("ZenWebsocket.Recording") ?? NullLogger.Instance;
        _queue = Channel.CreateBounded<RecorderEntry>(new BoundedChannelOptions(options.BufferCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // Only TryWrite is used for frames: full means "drop and count".
        });
        _writer = Task.Run(WriteLoopAsync);
        var time = options.TimeProvider ?? _clientTime;
        _flushTimer = time.CreateTimer(static state => ((SessionRecorder)state!).RequestFlush(), this, options.FlushInterval, options.FlushInterval);
        _frameRegistration = client.AddFrameObserver(this);
        _connectionRegistration = client.AddConnectionObserver(new FlushOnDisconnect(this));
    }

    /// <summary>Gets the file being written.</summary>
    public string Path { get; }

    /// <summary>Gets what has been written and dropped so far.</summary>
    public RecorderStats Stats => new(Interlocked.Read(ref _written), Interlocked.Read(ref _bytes), Interlocked.Read(ref _dropped), Interlocked.Read(ref _flushes));

    /// <summary>Test hook: runs on the writer after every flush.</summary>
    internal Action? Flushed { get; set; }

    /// <summary>Starts recording <paramref name="client"/>'s frames from now on, connected or not.</summary>
    /// <param name="client">The client to record.</param>
    /// <param name="options">Where and how to record.</param>
    /// <returns>The running recorder; dispose it to stop.</returns>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="IOException">The file cannot be opened (for instance, its directory does not exist).</exception>
    public static SessionRecorder Start(ZenClient client, RecordingOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var file = new FileStream(options.Path, new FileStreamOptions
        {
            Mode = options.Append ? FileMode.Append : FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.Read, // Readers may follow the file while it grows.
            BufferSize = 64 * 1024,
            Options = FileOptions.Asynchronous,
        });
        return new SessionRecorder(client, options, file);
    }

    /// <summary>Starts recording into a caller's stream (tests: a stream that stalls the writer on demand).</summary>
    internal static SessionRecorder StartOnStream(ZenClient client, RecordingOptions options, Stream output)
    {
        options.Validate();
        return new SessionRecorder(client, options, output);
    }

    /// <inheritdoc />
    public void OnFrame(in ObservedFrame frame)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        // The payload is only valid during this call; redaction and formatting wait for the writer.
        var length = frame.Payload.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        frame.Payload.Span.CopyTo(buffer);
        var entry = new RecorderEntry(frame.Direction, frame.Kind, frame.ConnectionId, frame.Attempt, frame.Timestamp, frame.WallClock, buffer, length, null);
        if (!_queue.Writer.TryWrite(entry))
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Writes everything recorded before this call to the file.</summary>
    /// <param name="cancellationToken">Cancels the wait (not the flush).</param>
    /// <returns>Completes when flushed.</returns>
    /// <exception cref="IOException">Writing the file failed earlier; recording has stopped.</exception>
    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            // Waits for room if the buffer is full: a flush must come after what was recorded before it.
            await _queue.Writer.WriteAsync(RecorderEntry.Flush(done), cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // Disposed or failed: the writer flushes whatever it had before it ends.
            await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
            ThrowIfFaulted();
            return;
        }

        await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops recording: unregisters from the client, writes and flushes everything buffered, closes the file.</summary>
    /// <returns>Completes when the file is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            await _writer.ConfigureAwait(false);
            return;
        }

        _frameRegistration.Dispose();
        _connectionRegistration.Dispose();
        await _flushTimer.DisposeAsync().ConfigureAwait(false);
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        try
        {
            await _output.DisposeAsync().ConfigureAwait(false);
        }
        catch (IOException) when (Volatile.Read(ref _fault) is not null)
        {
            // The failure was logged when it happened; closing a broken file fails again and says nothing new.
        }
    }

    private void RequestFlush() => _queue.Writer.TryWrite(RecorderEntry.Flush(null));

    private void ThrowIfFaulted()
    {
        if (Volatile.Read(ref _fault) is { } fault)
        {
            throw new IOException($"Recording to {Path} stopped: {fault.Message}", fault);
        }
    }

    /// <summary>Flushes when a connection ends, so an abort without a close frame still leaves its entries on disk.</summary>
    private sealed class FlushOnDisconnect(SessionRecorder recorder) : IConnectionObserver
    {
        public void OnConnected(ConnectionInfo connection)
        {
        }

        public void OnDisconnected(ConnectionInfo connection, StateChangeReason reason, ZenWebSocketException? cause) => recorder.RequestFlush();
    }
}
