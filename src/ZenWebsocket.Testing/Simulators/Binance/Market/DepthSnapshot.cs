namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>A depth snapshot as <c>GET /api/v3/depth</c> and the WebSocket API's <c>depth</c> return it.</summary>
/// <param name="LastUpdateId">The update id the snapshot includes.</param>
/// <param name="Bids">Bids, best first.</param>
/// <param name="Asks">Asks, best first.</param>
internal sealed record DepthSnapshot(long LastUpdateId, IReadOnlyList<PriceLevel> Bids, IReadOnlyList<PriceLevel> Asks);

/// <summary>One price level.</summary>
/// <param name="Price">Price.</param>
/// <param name="Quantity">Quantity.</param>
internal readonly record struct PriceLevel(decimal Price, decimal Quantity);
