using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ZenWebsocket.Binance;

/// <summary>A market stream read as typed events (decimal prices and quantities) with its markers.</summary>
/// <typeparam name="T">The payload type.</typeparam>
public sealed class BinanceTypedSubscription<T> : IAsyncDisposable
    where T : class
{
    private readonly BinanceStreamSubscription _inner;
    private readonly JsonTypeInfo<T> _type;

    internal BinanceTypedSubscription(BinanceStreamSubscription inner, JsonTypeInfo<T> type)
    {
        _inner = inner;
        _type = type;
    }

    /// <summary>Gets the canonical stream name.</summary>
    public string Name => _inner.Name;

    /// <summary>Gets the untyped stream (bare events as JSON).</summary>
    public BinanceStreamSubscription Raw => _inner;

    /// <summary>Reads the events in order, each once, with markers where the stream was interrupted; an event that
    /// cannot be read becomes a <see cref="SubscriptionItemKind.Gap"/> item saying why.</summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The items.</returns>
    public async IAsyncEnumerable<BinanceStreamItem<T>> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in _inner.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!item.IsData)
            {
                yield return new BinanceStreamItem<T>(item.Kind, null, item.Detail);
                continue;
            }

            T? data = null;
            string? error = null;
            try
            {
                data = JsonSerializer.Deserialize(item.Message.Data.Span, _type);
            }
            catch (Exception ex) when (ex is JsonException or FormatException or OverflowException)
            {
                error = $"An event of '{Name}' could not be read: {ex.Message}";
            }

            yield return data is null
                ? new BinanceStreamItem<T>(SubscriptionItemKind.Gap, null, error ?? $"An event of '{Name}' was empty.")
                : new BinanceStreamItem<T>(SubscriptionItemKind.Data, data);
        }
    }

    /// <summary>Leaves the stream.</summary>
    /// <returns>A task that completes when left.</returns>
    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
