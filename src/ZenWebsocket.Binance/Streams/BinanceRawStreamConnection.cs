using System.Threading.Channels;

namespace ZenWebsocket.Binance;

/// <summary>
/// One stream on its own raw connection, <c>/ws/&lt;stream&gt;</c> (B.1): every message is the bare event, no
/// control messages are sent. Reconnects by itself (a <c>serverShutdown</c> notice reconnects at once), with
/// Reconnecting and Restored markers where the stream was interrupted. For many streams, sharding and seamless
/// rotation use <see cref="BinanceMarketStreams"/>.
/// </summary>
public sealed class BinanceRawStreamConnection : IBinanceStreamSubscription, IMessageInterceptor, IConnectionObserver
{
    private readonly ZenClient _client;
    private readonly Channel<SubscriptionItem> _items;
    private readonly IDisposable _interceptor;
    private readonly IDisposable _observer;
    private int _disposed;

    private BinanceRawStreamConnection(string name, BinanceMarketStreamsOptions options)
    {
        Name = name;
        _items = Channel.CreateBounded<SubscriptionItem>(new BoundedChannelOptions(options.Subscriber.Capacity)
        {
            FullMode = options.Subscriber.FullMode == SubscriberFullMode.DropNewest ? BoundedChannelFullMode.DropWrite : BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        });
        _client = new ZenClient(new Uri(options.Endpoints.Streams, "/ws/" + name), new ZenClientOptions
        {
            Heartbeat = options.Heartbeat,
            ReconnectOnError = true,
            Reconnect = options.Reconnect,
            TimeProvider = options.TimeProvider,
            LoggerFactory = options.LoggerFactory,
        });
        _interceptor = _client.AddInterceptor(this);
        _observer = _client.AddConnectionObserver(this);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Gets the client of the connection.</summary>
    public ZenClient Client => _client;

    /// <summary>Opens a raw connection to one stream.</summary>
    /// <param name="streamName">The stream name; the symbol is lower-cased.</param>
    /// <param name="options">Settings (endpoints, heartbeat, reconnection, clock, queue); <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    /// <returns>The connected stream.</returns>
    public static async Task<BinanceRawStreamConnection> ConnectAsync(string streamName, BinanceMarketStreamsOptions? options = null, CancellationToken cancellationToken = default)
    {
        var name = BinanceStreamNames.Canonicalize(streamName);
        options ??= new BinanceMarketStreamsOptions();
        options.Validate();
        var connection = new BinanceRawStreamConnection(name, options);
        try
        {
            await connection._client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<SubscriptionItem> ReadAllAsync(CancellationToken cancellationToken = default) => _items.Reader.ReadAllAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _interceptor.Dispose();
        _observer.Dispose();
        _items.Writer.TryComplete();
        await _client.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    bool IMessageInterceptor.OnMessage(in ZenMessage message)
    {
        if (!message.IsText)
        {
            return false;
        }

        if (BinanceServerShutdown.IsAnnouncement(message.Data))
        {
            // One connection only: reconnect now rather than at the cut (the markers show the hole).
            _ = ReconnectQuietlyAsync();
            return true;
        }

        _items.Writer.TryWrite(new SubscriptionItem(SubscriptionItemKind.Data, Name, message));
        return true;
    }

    /// <inheritdoc />
    void IConnectionObserver.OnConnected(ConnectionInfo connection)
    {
        if (connection.IsReconnect)
        {
            _items.Writer.TryWrite(new SubscriptionItem(SubscriptionItemKind.Restored, Name, default, $"connection {connection.ConnectionId}"));
        }
    }

    /// <inheritdoc />
    void IConnectionObserver.OnDisconnected(ConnectionInfo connection, StateChangeReason reason, ZenWebSocketException? cause) =>
        _items.Writer.TryWrite(new SubscriptionItem(SubscriptionItemKind.Reconnecting, Name, default, reason.ToString()));

    private async Task ReconnectQuietlyAsync()
    {
        try
        {
            await _client.ReconnectAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ZenWebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client's own reconnection carries on; disposal ends it.
        }
    }
}
