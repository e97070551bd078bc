namespace ZenWebsocket.Binance;

/// <summary>One item of a tracked book's stream: an applied update, or an in-band marker placed where it happened.</summary>
/// <param name="Kind">What the item is.</param>
/// <param name="Symbol">The upper-case symbol.</param>
/// <param name="UpdateId">The book's update id after the item (0 for markers while no book is held).</param>
/// <param name="Update">The applied event, for <see cref="BinanceBookItemKind.Update"/>.</param>
/// <param name="Detail">Why, for markers.</param>
public readonly record struct BinanceBookItem(BinanceBookItemKind Kind, string Symbol, long UpdateId, BinanceDepthUpdate? Update = null, string? Detail = null);
