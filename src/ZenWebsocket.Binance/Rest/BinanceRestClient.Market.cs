using System.Globalization;
using System.Text;

namespace ZenWebsocket.Binance;

public sealed partial class BinanceRestClient
{
    /// <summary>The largest <c>limit</c> of <c>GET /api/v3/depth</c>.</summary>
    public const int MaxDepthLimit = 5000;

    private const int ExchangeInfoWeight = 20;

    /// <summary>Returns the request weight of a depth snapshot (B.5): 5, 25, 50 or 250 for limits up to 100, 500, 1000
    /// or 5000.</summary>
    /// <param name="limit">The snapshot's limit.</param>
    /// <returns>Its weight.</returns>
    public static int DepthWeight(int limit) => limit switch
    {
        <= 100 => 5,
        <= 500 => 25,
        <= 1000 => 50,
        _ => 250,
    };

    /// <summary>Fetches an order-book snapshot: <c>GET /api/v3/depth?symbol=&amp;limit=</c> (weight 5, 25, 50 or 250
    /// for limits up to 100, 500, 1000 or 5000).</summary>
    /// <param name="symbol">The symbol, any case (sent upper case).</param>
    /// <param name="limit">Levels per side, 1 to 5000. Default 100, as Binance.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ZenExchangeException">Binance refused, e.g. -1121 "Invalid symbol.".</exception>
    public async Task<BinanceDepthSnapshot> GetDepthAsync(string symbol, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxDepthLimit);
        var path = string.Create(CultureInfo.InvariantCulture, $"/api/v3/depth?symbol={Uri.EscapeDataString(symbol.ToUpperInvariant())}&limit={limit}");
        var body = await GetAsync(path, DepthWeight(limit), cancellationToken).ConfigureAwait(false);
        return BinanceDepthSnapshot.Parse(body);
    }

    /// <summary>Reads the server time: <c>GET /api/v3/time</c> (weight 1).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The server time.</returns>
    public async Task<DateTimeOffset> GetServerTimeAsync(CancellationToken cancellationToken = default)
    {
        var body = await GetAsync("/api/v3/time", 1, cancellationToken).ConfigureAwait(false);
        var time = Deserialize(body, BinanceRestJson.Default.BinanceServerTimeWire);
        return DateTimeOffset.FromUnixTimeMilliseconds(time.ServerTime);
    }

    /// <summary>Checks connectivity: <c>GET /api/v3/ping</c> (weight 1).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Completes when Binance answered.</returns>
    public async Task PingAsync(CancellationToken cancellationToken = default) =>
        await GetAsync("/api/v3/ping", 1, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads exchange info: <c>GET /api/v3/exchangeInfo</c> (weight 20), all symbols or the named ones.</summary>
    /// <param name="symbols">The symbols to ask for; <see langword="null"/> or empty (default) for all.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Server time and symbols with their filters.</returns>
    public async Task<BinanceExchangeInfo> GetExchangeInfoAsync(IReadOnlyCollection<string>? symbols = null, CancellationToken cancellationToken = default)
    {
        var path = "/api/v3/exchangeInfo";
        if (symbols is { Count: > 0 })
        {
            var list = new StringBuilder("[");
            foreach (var symbol in symbols)
            {
                ArgumentException.ThrowIfNullOrWhiteSpace(symbol, nameof(symbols));
                list.Append(list.Length > 1 ? ",\"" : "\"").Append(symbol.ToUpperInvariant()).Append('"');
            }

            path += "?symbols=" + Uri.EscapeDataString(list.Append(']').ToString());
        }

        var body = await GetAsync(path, ExchangeInfoWeight, cancellationToken).ConfigureAwait(false);
        var wire = Deserialize(body, BinanceRestJson.Default.BinanceExchangeInfoWire);
        return new BinanceExchangeInfo(
            DateTimeOffset.FromUnixTimeMilliseconds(wire.ServerTime),
            wire.Symbols?.Select(ToSymbolInfo).ToArray() ?? []);
    }

    private static BinanceSymbolInfo ToSymbolInfo(BinanceSymbolWire wire)
    {
        decimal? tick = null, step = null, minQty = null, minNotional = null;
        foreach (var filter in wire.Filters ?? [])
        {
            switch (filter.FilterType)
            {
                case "PRICE_FILTER":
                    tick = filter.TickSize;
                    break;
                case "LOT_SIZE":
                    step = filter.StepSize;
                    minQty = filter.MinQty;
                    break;
                case "NOTIONAL":
                case "MIN_NOTIONAL" when minNotional is null:
                    minNotional = filter.MinNotional;
                    break;
            }
        }

        return new BinanceSymbolInfo(wire.Symbol, wire.Status ?? string.Empty, wire.BaseAsset ?? string.Empty, wire.QuoteAsset ?? string.Empty, tick, step, minQty, minNotional);
    }
}
