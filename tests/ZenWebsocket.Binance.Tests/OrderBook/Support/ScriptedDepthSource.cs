using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;

namespace ZenWebsocket.Binance.Tests.OrderBook.Support;

/// <summary>
/// A stream source whose items the test writes: exact control over update ids, holes and markers, which a live
/// generator cannot give. The simulator-backed tests cover the same keeper over real sockets.
/// </summary>
internal sealed class ScriptedDepthSource : IBinanceStreamSource
{
    private readonly ConcurrentDictionary<string, ScriptedSubscription> _subscriptions = new();

    public IReadOnlyCollection<string> Subscribed => _subscriptions.Keys.ToArray();

    public Task<IBinanceStreamSubscription> SubscribeAsync(string streamName, CancellationToken cancellationToken = default)
    {
        var subscription = new ScriptedSubscription(streamName);
        Assert.True(_subscriptions.TryAdd(streamName, subscription), $"{streamName} subscribed twice");
        return Task.FromResult<IBinanceStreamSubscription>(subscription);
    }

    public void Push(string streamName, string json) =>
        Get(streamName).Write(new SubscriptionItem(SubscriptionItemKind.Data, streamName, new ZenMessage(WebSocketMessageType.Text, Encoding.UTF8.GetBytes(json), 1, 0)));

    public void PushDepth(string symbol, long first, long final, string bids = "[]", string asks = "[]") =>
        Push(symbol.ToLowerInvariant() + "@depth@100ms", Depth(symbol, first, final, bids, asks));

    public void Mark(string streamName, SubscriptionItemKind kind, string? detail = null) =>
        Get(streamName).Write(new SubscriptionItem(kind, streamName, default, detail));

    public bool IsDisposed(string streamName) => Get(streamName).Disposed;

    public static string Depth(string symbol, long first, long final, string bids = "[]", string asks = "[]") =>
        $$"""{"e":"depthUpdate","E":1672515782136,"s":"{{symbol}}","U":{{first}},"u":{{final}},"b":{{bids}},"a":{{asks}}}""";

    private ScriptedSubscription Get(string streamName) =>
        _subscriptions.TryGetValue(streamName, out var subscription) ? subscription : throw new InvalidOperationException($"{streamName} is not subscribed");

    private sealed class ScriptedSubscription(string name) : IBinanceStreamSubscription
    {
        private readonly Channel<SubscriptionItem> _items = Channel.CreateUnbounded<SubscriptionItem>();

        public string Name { get; } = name;

        public bool Disposed { get; private set; }

        public void Write(SubscriptionItem item) => Assert.True(_items.Writer.TryWrite(item));

        public async IAsyncEnumerable<SubscriptionItem> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var item in _items.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            _items.Writer.TryComplete();
            return ValueTask.CompletedTask;
        }
    }
}
