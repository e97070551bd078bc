using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ZenWebsocket;

/// <summary>
/// Request/response correlation over a <see cref="ZenClient"/> for any dialect with ids (JSON-RPC, Binance WebSocket
/// API). Each request's timeout starts at its write; caller cancellation removes it; a duplicate live id is refused
/// without sending; a late response to a timed-out id is counted and dropped; when the connection ends every pending
/// request fails at once with <see cref="ZenConnectionLostException"/> saying whether it was written. Nothing is ever
/// re-sent.
/// </summary>
/// <remarks>
/// Responses are matched on the receive loop (a dictionary lookup); results are deserialized on the caller's
/// continuation, never on the receive loop. A response only matches a request written on the same connection.
/// </remarks>
public sealed partial class RequestCorrelator : IMessageInterceptor, IConnectionObserver, IDisposable
{
    private readonly ZenClient _client;
    private readonly RequestCorrelatorOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<long, PendingRequest> _pending = new();
    private readonly TimedOutIds _timedOut;
    private readonly Channel<UnmatchedResponse> _unmatched;
    private readonly IDisposable _interceptorRegistration;
    private readonly IDisposable _observerRegistration;
    private long _nextId;
    private long _completed;
    private long _exchangeErrors;
    private long _timeouts;
    private long _connectionLost;
    private long _unmatchedCount;
    private long _late;
    private int _disposed;

    /// <summary>Attaches a correlator to a client.</summary>
    /// <param name="client">The client whose messages it reads.</param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults (JSON-RPC 2.0).</param>
    public RequestCorrelator(ZenClient client, RequestCorrelatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        options ??= new RequestCorrelatorOptions();
        options.Validate();
        _client = client;
        _options = options;
        _time = client.Options.TimeProvider;
        _nextId = options.FirstId - 1;
        _timedOut = new TimedOutIds(options.TimedOutIdMemory);
        Latency = new LatencyStatistics(options.Latency, _time);
        _unmatched = Channel.CreateBounded<UnmatchedResponse>(new BoundedChannelOptions(options.UnmatchedCapacity) { FullMode = BoundedChannelFullMode.DropOldest });
        _interceptorRegistration = client.AddInterceptor(this);
        _observerRegistration = client.AddConnectionObserver(this);
    }

    /// <summary>Gets the request round-trip statistics (write to response) over a sliding window.</summary>
    public LatencyStatistics Latency { get; }

    /// <summary>Gets the client the correlator works on.</summary>
    public ZenClient Client => _client;

    /// <summary>Reads responses that matched no pending request (kept up to <see cref="RequestCorrelatorOptions.UnmatchedCapacity"/>).</summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The unmatched responses.</returns>
    public IAsyncEnumerable<UnmatchedResponse> ReadUnmatchedAsync(CancellationToken cancellationToken = default) =>
        _unmatched.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Returns the counters.</summary>
    /// <returns>A snapshot.</returns>
    public RequestCorrelatorStats GetStats() => new(
        _pending.Count,
        Interlocked.Read(ref _completed),
        Interlocked.Read(ref _exchangeErrors),
        Interlocked.Read(ref _timeouts),
        Interlocked.Read(ref _connectionLost),
        Interlocked.Read(ref _unmatchedCount),
        Interlocked.Read(ref _late));

    /// <summary>Detaches from the client and fails what is still pending.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _interceptorRegistration.Dispose();
        _observerRegistration.Dispose();
        foreach (var entry in _pending.Values)
        {
            if (entry.TryFail(new ObjectDisposedException(nameof(RequestCorrelator), "The correlator was disposed before the response arrived.")))
            {
                _pending.TryRemove(entry.Id, out _);
            }
        }

        _unmatched.Writer.TryComplete();
    }

    private long NextId() => Interlocked.Increment(ref _nextId);

    private void Remove(PendingRequest entry) => _pending.TryRemove(new KeyValuePair<long, PendingRequest>(entry.Id, entry));
}
