namespace ZenWebsocket.Binance;

/// <summary>
/// One diff-depth event of <c>&lt;symbol&gt;@depth</c> or <c>&lt;symbol&gt;@depth@100ms</c> (B.4): the levels that changed
/// between update ids <see cref="FirstUpdateId"/> (<c>U</c>) and <see cref="FinalUpdateId"/> (<c>u</c>), with their new
/// total quantities (0 removes the level).
/// </summary>
/// <param name="Symbol">The upper-case symbol (<c>s</c>).</param>
/// <param name="EventTime">The event time (<c>E</c>).</param>
/// <param name="FirstUpdateId">The first update id in the event (<c>U</c>).</param>
/// <param name="FinalUpdateId">The final update id in the event (<c>u</c>).</param>
/// <param name="Bids">Changed bid levels (<c>b</c>).</param>
/// <param name="Asks">Changed ask levels (<c>a</c>).</param>
public sealed record BinanceDepthUpdate(
    string Symbol,
    DateTimeOffset EventTime,
    long FirstUpdateId,
    long FinalUpdateId,
    IReadOnlyList<BinanceBookLevel> Bids,
    IReadOnlyList<BinanceBookLevel> Asks)
{
    /// <summary>
    /// Reads a <c>depthUpdate</c> event from its UTF-8 JSON: the bare event, or a combined-stream frame
    /// (<c>{"stream":...,"data":{...}}</c>). Prices and quantities are read as invariant-culture decimals.
    /// </summary>
    /// <param name="utf8Json">The payload.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ZenProtocolException">The payload is not a well-formed depth update.</exception>
    public static BinanceDepthUpdate Parse(ReadOnlySpan<byte> utf8Json) => BinanceDepthReader.ReadUpdate(utf8Json);
}
