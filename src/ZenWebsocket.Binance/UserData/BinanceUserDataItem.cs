namespace ZenWebsocket.Binance;

/// <summary>One item of the user data stream: an event, or a marker where the connection was lost and the
/// subscription restored (events in between may be missing: query the orders and account after a
/// <see cref="SubscriptionItemKind.Restored"/>).</summary>
/// <param name="Kind">Data or a marker.</param>
/// <param name="Event">The event, for <see cref="SubscriptionItemKind.Data"/>.</param>
/// <param name="Detail">Why, for markers.</param>
public readonly record struct BinanceUserDataItem(SubscriptionItemKind Kind, BinanceUserDataEvent? Event, string? Detail = null)
{
    /// <summary>Gets whether this is an event.</summary>
    public bool IsData => Kind == SubscriptionItemKind.Data && Event is not null;
}
