using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ZenWebsocket;

/// <summary>
/// The registry of desired subscriptions over a <see cref="RequestCorrelator"/>: keyed by canonical topic,
/// reference-counted, each subscribe acknowledged (or rejected and not restored), notifications routed to per-topic
/// queues on the receive loop, and every topic restored after a reconnect — in batches, with bounded concurrency and a
/// per-connection message rate — with <see cref="SubscriptionItemKind.Reconnecting"/> and
/// <see cref="SubscriptionItemKind.Restored"/> markers written where they happened.
/// </summary>
public sealed partial class SubscriptionManager : IMessageInterceptor, IConnectionObserver, IAsyncDisposable
{
    private readonly RequestCorrelator _rpc;
    private readonly ISubscriptionDialect _dialect;
    private readonly SubscriptionManagerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, TopicEntry> _topics = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _registry = new(1, 1);
    private readonly IDisposable _interceptorRegistration;
    private readonly IDisposable _observerRegistration;
    private long _orphaned;
    private long _restores;
    private int _disposed;

    /// <summary>Creates the manager and attaches it to the correlator's client.</summary>
    /// <param name="rpc">The correlator that carries subscribe requests and their acknowledgements.</param>
    /// <param name="dialect">The venue's subscription dialect.</param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    public SubscriptionManager(RequestCorrelator rpc, ISubscriptionDialect dialect, SubscriptionManagerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(dialect);
        options ??= new SubscriptionManagerOptions();
        options.Validate();
        _rpc = rpc;
        _dialect = dialect;
        _options = options;
        _time = rpc.Client.Options.TimeProvider;
        _logger = rpc.Client.Options.LoggerFactory?.CreateLogger("ZenWebsocket.Subscriptions") ?? NullLogger.Instance;
        _interceptorRegistration = rpc.Client.AddInterceptor(this);
        _observerRegistration = rpc.Client.AddConnectionObserver(this);
    }

    /// <summary>Gets the state of every desired topic.</summary>
    /// <returns>Topic to state.</returns>
    public IReadOnlyDictionary<string, SubscriptionState> GetTopics() => _topics.ToDictionary(p => p.Key, p => p.Value.State, StringComparer.Ordinal);

    /// <summary>Gets how many notifications arrived for topics nobody subscribes to (dropped).</summary>
    public long Orphaned => Interlocked.Read(ref _orphaned);

    /// <summary>Gets how many restores ran.</summary>
    public long Restores => Interlocked.Read(ref _restores);

    /// <summary>Writes a <see cref="SubscriptionItemKind.Gap"/> marker into a topic's streams (adapters call it when a
    /// sequence number jumps, before resynchronising).</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="detail">What was detected.</param>
    public void MarkGap(string topic, string detail)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (_topics.TryGetValue(_dialect.Canonicalize(topic), out var entry))
        {
            entry.Broadcast(new SubscriptionItem(SubscriptionItemKind.Gap, entry.Topic, default, detail));
        }
    }

    /// <summary>Detaches from the client and ends every subscriber's stream (no unsubscribe is sent).</summary>
    /// <returns>A task that completes when detached.</returns>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _interceptorRegistration.Dispose();
            _observerRegistration.Dispose();
            foreach (var entry in _topics.Values)
            {
                foreach (var subscriber in entry.Subscribers)
                {
                    subscriber.Complete();
                }
            }

            _topics.Clear();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>Routes subscription data to its topic's subscribers on the receive loop; never waits.</remarks>
    public bool OnMessage(in ZenMessage message)
    {
        if (!_dialect.TryGetTopic(message, out var topic))
        {
            return false;
        }

        if (_topics.TryGetValue(topic, out var entry))
        {
            entry.BroadcastData(new SubscriptionItem(SubscriptionItemKind.Data, entry.Topic, message));
        }
        else
        {
            Interlocked.Increment(ref _orphaned);
        }

        return true;
    }

    /// <inheritdoc />
    public void OnConnected(ConnectionInfo connection)
    {
        // Topics wanted while disconnected (or dropped with the last connection) are subscribed now.
        if (_options.AutoRestore && !_topics.IsEmpty)
        {
            _ = RestoreInBackgroundAsync();
        }
    }

    /// <inheritdoc />
    /// <remarks>Every live topic becomes Restoring and its streams get a Reconnecting marker at this point.</remarks>
    public void OnDisconnected(ConnectionInfo connection, StateChangeReason reason, ZenWebSocketException? cause)
    {
        foreach (var entry in _topics.Values)
        {
            if (entry.State is SubscriptionState.Active or SubscriptionState.Pending)
            {
                entry.State = SubscriptionState.Restoring;
                entry.Broadcast(new SubscriptionItem(SubscriptionItemKind.Reconnecting, entry.Topic, default, reason.ToString()));
            }
        }
    }

    private async Task RestoreInBackgroundAsync()
    {
        try
        {
            await RestoreAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A background restore must log, never crash the process.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.RestoreFailed(_logger, ex);
        }
    }
}
