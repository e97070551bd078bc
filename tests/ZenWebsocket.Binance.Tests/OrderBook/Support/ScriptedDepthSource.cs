using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;

namespace ZenWebsocket.Binance.Tests.OrderBook.Support;

/// <summary>
/// A stream source whose items the test writes: exact control over update ids, holes and markers, which a live
/// generator cannot give. The simulator-backed tests cover the same keeper over real sockets. Items may be written
/// before the keeper subscribes; <see cref="WaitIdleAsync"/> completes once the reader took every written item.
/// </summary>
internal sealed class ScriptedDepthSource : IBinanceStreamSource
{
    private readonly ConcurrentDictionary<string, ScriptedSubscription> _subscriptions = new();

    public IReadOnlyCollection<string> Subscribed => _subscriptions.Where(s => s.Value.Subscribed).Select(s => s.Key).ToArray();

    public Task<IBinanceStreamSubscription> SubscribeAsync(string streamName, CancellationToken cancellationToken = default)
    {
        var subscription = Get(streamName);
        Assert.False(subscription.Subscribed, $"{streamName} subscribed twice");
        subscription.Subscribed = true;
        return Task.FromResult<IBinanceStreamSubscription>(subscription);
    }

    public void Push(string streamName, string json) =>
        Get(streamName).Write(new SubscriptionItem(SubscriptionItemKind.Data, streamName, new ZenMessage(WebSocketMessageType.Text, Encoding.UTF8.GetBytes(json), 1, 0)));

    public void PushDepth(string symbol, long first, long final, string bids = "[]", string asks = "[]") =>
        Push(StreamOf(symbol), Depth(symbol, first, final, bids, asks));

    public void Mark(string streamName, SubscriptionItemKind kind, string? detail = null) =>
        Get(streamName).Write(new SubscriptionItem(kind, streamName, default, detail));

    public bool IsDisposed(string streamName) => Get(streamName).Disposed;

    /// <summary>Completes when the stream's reader has taken every item written so far and waits for more.</summary>
    public Task WaitIdleAsync(string streamName) => Get(streamName).WaitIdleAsync();

    public static string StreamOf(string symbol) => symbol.ToLowerInvariant() + "@depth@100ms";

    public static string Depth(string symbol, long first, long final, string bids = "[]", string asks = "[]") =>
        $$"""{"e":"depthUpdate","E":1672515782136,"s":"{{symbol}}","U":{{first}},"u":{{final}},"b":{{bids}},"a":{{asks}}}""";

    private ScriptedSubscription Get(string streamName) => _subscriptions.GetOrAdd(streamName, static name => new ScriptedSubscription(name));

    private sealed class ScriptedSubscription(string name) : IBinanceStreamSubscription
    {
        private readonly Channel<SubscriptionItem> _items = Channel.CreateUnbounded<SubscriptionItem>();
        private readonly Lock _gate = new();
        private TaskCompletionSource _becameIdle = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _waiting;

        public string Name { get; } = name;

        public bool Subscribed { get; set; }

        public bool Disposed { get; private set; }

        public void Write(SubscriptionItem item) => Assert.True(_items.Writer.TryWrite(item));

        public async IAsyncEnumerable<SubscriptionItem> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            while (true)
            {
                if (_items.Reader.TryRead(out var item))
                {
                    yield return item;
                    continue;
                }

                lock (_gate)
                {
                    _waiting = true;
                    _becameIdle.TrySetResult();
                }

                var more = await _items.Reader.WaitToReadAsync(cancellationToken);
                lock (_gate)
                {
                    _waiting = false;
                    _becameIdle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                if (!more)
                {
                    yield break;
                }
            }
        }

        public async Task WaitIdleAsync()
        {
            while (true)
            {
                Task next;
                lock (_gate)
                {
                    if (_waiting && _items.Reader.Count == 0)
                    {
                        return;
                    }

                    next = _becameIdle.Task;
                }

                await next;
                await Task.Yield();
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
