using ZenWebsocket.Binance;
using ZenWebsocket.Cli.Options;

namespace ZenWebsocket.Cli.Commands;

/// <summary>
/// The core of <c>zenws binance trades|ticker|book</c>: start the market streams (and for the book the REST client and
/// the order-book keeper), print one line per update and one per marker (reconnecting, restored, gap), stop cleanly.
/// </summary>
internal static class BinanceStreamCommand
{
    /// <summary>The depth of the book shown in a <c>book</c> line.</summary>
    public const int BookDepth = 10;

    /// <summary>Streams until cancelled, until the duration elapses or until <see cref="BinanceStreamSettings.Count"/> lines.</summary>
    /// <returns>0 when it ran and stopped, 1 when the connection failed, 2 when Binance rejected the stream or symbol.</returns>
    internal static async Task<int> RunAsync(BinanceStreamSettings settings, TimeProvider time, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var rest = new BinanceRestClient(new BinanceRestClientOptions { BaseAddress = settings.Endpoints.Rest, TimeProvider = time });
        var streams = new BinanceMarketStreams(new BinanceMarketStreamsOptions { Endpoints = settings.Endpoints, TimeProvider = time });
        await using (streams.ConfigureAwait(false))
        {
            try
            {
                // Binance accepts a stream of an unknown symbol and sends nothing on it: ask REST first, so a typo is
                // an error line rather than silence.
                await rest.GetExchangeInfoAsync([settings.Symbol], cancellationToken).ConfigureAwait(false);
                await streams.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ZenExchangeException ex)
            {
                await error.WriteLineAsync($"zenws: Binance does not know {settings.Symbol} ({ex.Code}: {ex.ExchangeMessage}); check the symbol.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            catch (ZenWebSocketException ex)
            {
                await error.WriteLineAsync($"zenws: could not reach Binance at {settings.Endpoints.Rest} and {settings.Endpoints.Streams}: {ex.Explain()}").ConfigureAwait(false);
                return ExitCodes.Failed;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Ok;
            }

            // The duration counts from the moment the streams are connected.
            using var durationStop = settings.Duration is { } d ? new CancellationTokenSource(d, time) : new CancellationTokenSource();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, durationStop.Token);
            var lines = new LineBudget(settings.Count);
            try
            {
                return settings.Feed switch
                {
                    BinanceFeed.Trades => await StreamAsync(await streams.SubscribeTradesAsync(settings.Symbol, stop.Token).ConfigureAwait(false), FormatTrade, lines, output, stop.Token).ConfigureAwait(false),
                    BinanceFeed.Ticker => await StreamAsync(await streams.SubscribeBookTickerAsync(settings.Symbol, stop.Token).ConfigureAwait(false), FormatTicker, lines, output, stop.Token).ConfigureAwait(false),
                    _ => await StreamBookAsync(streams, rest, settings, time, lines, output, error, stop.Token).ConfigureAwait(false),
                };
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return ExitCodes.Ok;
            }
            catch (ZenExchangeException ex)
            {
                await error.WriteLineAsync($"zenws: Binance rejected {settings.Symbol} ({ex.Code}: {ex.ExchangeMessage}); check the symbol.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            catch (ZenWebSocketException ex)
            {
                await error.WriteLineAsync($"zenws: the {settings.Symbol} stream failed: {ex.Explain()}").ConfigureAwait(false);
                return ExitCodes.Failed;
            }
            finally
            {
                await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Formats a trade as one line.</summary>
    internal static string FormatTrade(BinanceTrade t) =>
        $"trade {t.Symbol} {(t.BuyerIsMaker ? "sell" : "buy")} {SharedOptions.Number(t.Quantity)} @ {SharedOptions.Number(t.Price)} id {t.TradeId}";

    /// <summary>Formats a best bid/ask update as one line.</summary>
    internal static string FormatTicker(BinanceBookTicker t) =>
        $"ticker {t.Symbol} bid {SharedOptions.Number(t.BidPrice)} x {SharedOptions.Number(t.BidQuantity)} ask {SharedOptions.Number(t.AskPrice)} x {SharedOptions.Number(t.AskQuantity)} update {t.UpdateId}";

    /// <summary>Formats the book as one line: best bid/ask, levels and update id.</summary>
    internal static string FormatBook(string symbol, BinanceDepthSnapshot book)
    {
        var bid = book.Bids.Count > 0 ? $"{SharedOptions.Number(book.Bids[0].Price)} x {SharedOptions.Number(book.Bids[0].Quantity)}" : "- x -";
        var ask = book.Asks.Count > 0 ? $"{SharedOptions.Number(book.Asks[0].Price)} x {SharedOptions.Number(book.Asks[0].Quantity)}" : "- x -";
        var spread = book.Bids.Count > 0 && book.Asks.Count > 0 ? SharedOptions.Number(book.Asks[0].Price - book.Bids[0].Price) : "-";
        return $"book {symbol} bid {bid} ask {ask} spread {spread} levels {book.Bids.Count}/{book.Asks.Count} update {book.LastUpdateId}";
    }

    private static async Task<int> StreamAsync<T>(BinanceTypedSubscription<T> subscription, Func<T, string> format, LineBudget lines, TextWriter output, CancellationToken cancellationToken)
        where T : class
    {
        await using (subscription.ConfigureAwait(false))
        {
            await foreach (var item in subscription.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var line = item.IsData ? format(item.Data!) : Marker(item.Kind, subscription.Name, item.Detail);
                await output.WriteLineAsync(line).ConfigureAwait(false);
                if (item.IsData && lines.Spend())
                {
                    break;
                }
            }
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> StreamBookAsync(BinanceMarketStreams streams, BinanceRestClient rest, BinanceStreamSettings settings, TimeProvider time, LineBudget lines, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var keeper = new BinanceOrderBookKeeper(streams, rest, new BinanceOrderBookOptions { TimeProvider = time });
        await using (keeper.ConfigureAwait(false))
        {
            var book = await keeper.TrackAsync(settings.Symbol, cancellationToken).ConfigureAwait(false);
            await foreach (var item in book.ReadUpdatesAsync(cancellationToken).ConfigureAwait(false))
            {
                switch (item.Kind)
                {
                    case BinanceBookItemKind.Update:
                    case BinanceBookItemKind.Synced:
                        if (book.GetSnapshot(BookDepth) is { } snapshot)
                        {
                            if (item.Kind == BinanceBookItemKind.Synced)
                            {
                                await output.WriteLineAsync($"synced {settings.Symbol} at update {item.UpdateId}").ConfigureAwait(false);
                            }

                            await output.WriteLineAsync(FormatBook(settings.Symbol, snapshot)).ConfigureAwait(false);
                            if (lines.Spend())
                            {
                                return ExitCodes.Ok;
                            }
                        }

                        break;
                    case BinanceBookItemKind.Gap:
                        await output.WriteLineAsync($"gap {settings.Symbol}: {item.Detail} (resyncing)").ConfigureAwait(false);
                        break;
                    case BinanceBookItemKind.Stale:
                        await output.WriteLineAsync($"stale {settings.Symbol}: {item.Detail}").ConfigureAwait(false);
                        break;
                    case BinanceBookItemKind.Failed:
                        await error.WriteLineAsync($"zenws: the {settings.Symbol} book failed: {item.Detail}").ConfigureAwait(false);
                        return ExitCodes.Failed;
                }
            }
        }

        return ExitCodes.Ok;
    }

    private static string Marker(SubscriptionItemKind kind, string stream, string? detail) => kind switch
    {
        SubscriptionItemKind.Reconnecting => $"reconnecting {stream}: {detail}",
        SubscriptionItemKind.Restored => $"restored {stream}: {detail}",
        SubscriptionItemKind.Gap => $"gap {stream}: {detail}",
        _ => $"{kind.ToString().ToLowerInvariant()} {stream}: {detail}",
    };

    /// <summary>Counts printed update lines against <c>--count</c>.</summary>
    private sealed class LineBudget(int? limit)
    {
        private int _printed;

        /// <summary>Counts one line; returns whether the budget is spent.</summary>
        public bool Spend() => limit is { } max && ++_printed >= max;
    }
}
