namespace ZenWebsocket.Binance;

/// <summary>One item of a typed market stream: an event, or a marker where the stream was interrupted.</summary>
/// <typeparam name="T">The payload type.</typeparam>
/// <param name="Kind">Data or a marker (<see cref="SubscriptionItemKind.Gap"/> also marks an event that could not be read).</param>
/// <param name="Data">The event, for <see cref="SubscriptionItemKind.Data"/>.</param>
/// <param name="Detail">Why, for markers.</param>
public readonly record struct BinanceStreamItem<T>(SubscriptionItemKind Kind, T? Data, string? Detail = null)
    where T : class
{
    /// <summary>Gets whether this item carries an event.</summary>
    public bool IsData => Kind == SubscriptionItemKind.Data && Data is not null;
}
