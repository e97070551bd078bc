namespace ZenWebsocket.Binance;

/// <summary>
/// An order-book snapshot: what <c>GET /api/v3/depth</c> returns (B.5), and what a tracked book's
/// <see cref="BinanceTrackedBook.GetSnapshot"/> copies out.
/// </summary>
/// <param name="LastUpdateId">The last update id the snapshot includes (<c>lastUpdateId</c>).</param>
/// <param name="Bids">Bids, best (highest) first.</param>
/// <param name="Asks">Asks, best (lowest) first.</param>
public sealed record BinanceDepthSnapshot(long LastUpdateId, IReadOnlyList<BinanceBookLevel> Bids, IReadOnlyList<BinanceBookLevel> Asks)
{
    /// <summary>Reads a depth snapshot (<c>{"lastUpdateId":..,"bids":[[p,q],..],"asks":[..]}</c>) from its UTF-8 JSON.</summary>
    /// <param name="utf8Json">The payload.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ZenProtocolException">The payload is not a well-formed depth snapshot.</exception>
    public static BinanceDepthSnapshot Parse(ReadOnlySpan<byte> utf8Json) => BinanceDepthReader.ReadSnapshot(utf8Json);
}
