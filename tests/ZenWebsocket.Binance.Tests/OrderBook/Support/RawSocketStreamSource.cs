using System.Runtime.CompilerServices;

namespace ZenWebsocket.Binance.Tests.OrderBook.Support;

/// <summary>
/// A thin test adapter until the market-streams client lands: one real <see cref="ZenClient"/> per stream on
/// <c>/ws/&lt;stream&gt;</c>; when the socket drops it writes a Reconnecting marker, connects again and writes Restored.
/// </summary>
internal sealed class RawSocketStreamSource(Uri streamBase) : IBinanceStreamSource
{
    public async Task<IBinanceStreamSubscription> SubscribeAsync(string streamName, CancellationToken cancellationToken = default)
    {
        var subscription = new RawSocketSubscription(new Uri(streamBase, "/ws/" + streamName), streamName);
        await subscription.ConnectAsync(cancellationToken);
        return subscription;
    }

    private sealed class RawSocketSubscription(Uri uri, string name) : IBinanceStreamSubscription
    {
        private readonly CancellationTokenSource _disposed = new();
        private ZenClient _client = Create(uri);

        public string Name { get; } = name;

        public Task ConnectAsync(CancellationToken cancellationToken) => _client.ConnectAsync(cancellationToken);

        public async IAsyncEnumerable<SubscriptionItem> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
            var token = linked.Token;
            while (!token.IsCancellationRequested)
            {
                await foreach (var message in _client.ReadMessagesAsync(token))
                {
                    yield return new SubscriptionItem(SubscriptionItemKind.Data, Name, message);
                }

                if (token.IsCancellationRequested)
                {
                    yield break;
                }

                yield return new SubscriptionItem(SubscriptionItemKind.Reconnecting, Name, default, "the socket dropped");
                await _client.DisposeAsync();
                _client = Create(uri);
                await ReconnectAsync(token);
                yield return new SubscriptionItem(SubscriptionItemKind.Restored, Name, default);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _disposed.CancelAsync();
            await _client.DisposeAsync();
        }

        private static ZenClient Create(Uri uri) => new(uri, new ZenClientOptions { ReconnectOnError = false });

        private async Task ReconnectAsync(CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await _client.ConnectAsync(cancellationToken);
                    return;
                }
                catch (ZenWebSocketException) when (attempt < 50)
                {
                    await _client.DisposeAsync();
                    _client = Create(uri);
                    await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, cancellationToken);
                }
            }
        }
    }
}
