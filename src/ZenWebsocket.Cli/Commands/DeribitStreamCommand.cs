using ZenWebsocket.Cli.Options;
using System.Text.Json;
using System.Threading.Channels;
using ZenWebsocket.Deribit;

namespace ZenWebsocket.Cli.Commands;

/// <summary>
/// The core of <c>zenws deribit ticker|book|trades</c>: start a public <see cref="DeribitAdapter"/>, subscribe, print
/// one line per update and one line per marker (reconnecting, restored, gap), stop cleanly.
/// </summary>
internal static class DeribitStreamCommand
{
    /// <summary>The subscription interval of every feed.</summary>
    public const string Interval = "100ms";

    /// <summary>The depth of the book shown in a <c>book</c> line.</summary>
    public const int BookDepth = 10;

    /// <summary>Streams until cancelled, until the duration elapses or until <see cref="DeribitStreamSettings.Count"/> lines.</summary>
    /// <returns>0 when it ran and stopped, 1 when the connection failed, 2 when Deribit rejected the channel (bad instrument).</returns>
    internal static async Task<int> RunAsync(DeribitStreamSettings settings, TimeProvider time, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var topic = Topic(settings.Feed, settings.Instrument);
        var (adapter, startExit) = await DeribitStart.StartAsync(new DeribitOptions { Endpoint = settings.Endpoint, TimeProvider = time }, error, cancellationToken).ConfigureAwait(false);
        if (adapter is null)
        {
            return startExit;
        }

        await using (adapter.ConfigureAwait(false))
        {
            // The duration counts from the moment the adapter is ready.
            using var durationStop = settings.Duration is { } d ? new CancellationTokenSource(d, time) : new CancellationTokenSource();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, durationStop.Token);
            int exit;
            try
            {
                exit = settings.Feed == DeribitFeed.Book
                    ? await StreamBookAsync(adapter, settings, topic, output, error, stop.Token).ConfigureAwait(false)
                    : await StreamTopicAsync(adapter, settings, topic, output, error, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                exit = ExitCodes.Ok;
            }
            catch (ZenExchangeException ex)
            {
                await error.WriteLineAsync($"zenws: Deribit rejected {topic} ({ex.Code}: {ex.ExchangeMessage}); check the instrument name '{settings.Instrument}'.").ConfigureAwait(false);
                exit = ExitCodes.BadInput;
            }
            catch (ZenWebSocketException ex)
            {
                await error.WriteLineAsync($"zenws: the {topic} stream failed: {ex.Explain()}").ConfigureAwait(false);
                exit = ExitCodes.Failed;
            }

            await adapter.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            return exit;
        }
    }

    /// <summary>The channel name of a feed.</summary>
    internal static string Topic(DeribitFeed feed, string instrument) => feed switch
    {
        DeribitFeed.Ticker => $"ticker.{instrument}.{Interval}",
        DeribitFeed.Book => $"book.{instrument}.{Interval}",
        _ => $"trades.{instrument}.{Interval}",
    };

    /// <summary>Formats a ticker as one line.</summary>
    internal static string FormatTicker(DeribitTicker t) =>
        $"ticker {t.InstrumentName} bid {SharedOptions.Number(t.BestBidPrice)} x {SharedOptions.Number(t.BestBidAmount)} ask {SharedOptions.Number(t.BestAskPrice)} x {SharedOptions.Number(t.BestAskAmount)} last {SharedOptions.Number(t.LastPrice)} mark {SharedOptions.Number(t.MarkPrice)} index {SharedOptions.Number(t.IndexPrice)}";

    /// <summary>Formats a trade as one line.</summary>
    internal static string FormatTrade(DeribitTrade t) =>
        $"trade {t.InstrumentName} {t.Direction} {SharedOptions.Number(t.Amount)} @ {SharedOptions.Number(t.Price)} id {t.TradeId} seq {t.TradeSeq}";

    /// <summary>Formats a marker of the stream as one line; null for data.</summary>
    internal static string? FormatMarker(in SubscriptionItem item) => item.Kind switch
    {
        SubscriptionItemKind.Reconnecting => $"reconnecting {item.Topic}{Detail(item.Detail)}",
        SubscriptionItemKind.Restored => $"restored {item.Topic}{Detail(item.Detail)}",
        SubscriptionItemKind.Gap => $"gap {item.Topic}{Detail(item.Detail)}",
        SubscriptionItemKind.Failed => $"failed {item.Topic}{Detail(item.Detail)}",
        _ => null,
    };

    private static string Detail(string? detail) => string.IsNullOrEmpty(detail) ? string.Empty : $" ({detail})";

    private static async Task<int> StreamTopicAsync(DeribitAdapter adapter, DeribitStreamSettings settings, string topic, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var subscription = await adapter.SubscribeAsync(topic, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (subscription.ConfigureAwait(false))
        {
            var lines = 0;
            await foreach (var item in subscription.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (FormatMarker(item) is { } marker)
                {
                    await output.WriteLineAsync(marker).ConfigureAwait(false);
                    if (item.Kind == SubscriptionItemKind.Failed)
                    {
                        await error.WriteLineAsync($"zenws: Deribit rejected {topic}{Detail(item.Detail)}.").ConfigureAwait(false);
                        return ExitCodes.Failed;
                    }

                    continue;
                }

                IEnumerable<string> updates;
                try
                {
                    updates = settings.Feed == DeribitFeed.Ticker
                        ? [FormatTicker(DeribitNotifications.ReadTicker(item.Message))]
                        : DeribitNotifications.ReadTrades(item.Message).Select(FormatTrade).ToArray();
                }
                catch (JsonException ex)
                {
                    await output.WriteLineAsync($"unreadable {topic} update: {ex.Message}").ConfigureAwait(false);
                    continue;
                }

                foreach (var line in updates)
                {
                    await output.WriteLineAsync(line).ConfigureAwait(false);
                    if (++lines >= settings.Count)
                    {
                        return ExitCodes.Ok;
                    }
                }
            }

            return await EndedAsync(adapter, topic, error, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<int> StreamBookAsync(DeribitAdapter adapter, DeribitStreamSettings settings, string topic, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // One writer: the book's reader and the adapter's events post lines here; this loop prints them in order.
        var lines = Channel.CreateUnbounded<(string Text, bool IsUpdate)>(new UnboundedChannelOptions { SingleReader = true });
        void OnState(object? sender, AdapterStateChanged e)
        {
            if (e.Current == AdapterState.Reconnecting && e.Previous == AdapterState.Ready)
            {
                lines.Writer.TryWrite(($"reconnecting {topic}", false));
            }
            else if (e.Current == AdapterState.Ready && e.Previous == AdapterState.Reconnecting)
            {
                lines.Writer.TryWrite(($"restored {topic}", false));
            }
            else if (e.Current is AdapterState.Faulted or AdapterState.Stopped)
            {
                lines.Writer.TryComplete();
            }
        }

        adapter.StateChanged += OnState;
        try
        {
            var book = await adapter.SubscribeOrderBookAsync(settings.Instrument, Interval, cancellationToken).ConfigureAwait(false);
            await using (book.ConfigureAwait(false))
            {
                book.Updated += (_, result) =>
                {
                    switch (result)
                    {
                        case DeribitBookApplyResult.Snapshot or DeribitBookApplyResult.Applied:
                            lines.Writer.TryWrite((FormatBook(book, result), true));
                            break;
                        case DeribitBookApplyResult.Gap:
                            lines.Writer.TryWrite(($"gap {topic} (change_id break: resubscribing for a fresh snapshot)", false));
                            break;
                        default:
                            break;
                    }
                };

                var count = 0;
                await foreach (var (text, isUpdate) in lines.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    await output.WriteLineAsync(text).ConfigureAwait(false);
                    if (isUpdate && ++count >= settings.Count)
                    {
                        return ExitCodes.Ok;
                    }
                }

                return await EndedAsync(adapter, topic, error, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            adapter.StateChanged -= OnState;
        }
    }

    private static string FormatBook(DeribitOrderBookSubscription book, DeribitBookApplyResult result)
    {
        var (bids, asks) = book.GetLevels(BookDepth);
        var bid = bids.Count > 0 ? $"{SharedOptions.Number(bids[0].Key)} x {SharedOptions.Number(bids[0].Value)}" : "- x -";
        var ask = asks.Count > 0 ? $"{SharedOptions.Number(asks[0].Key)} x {SharedOptions.Number(asks[0].Value)}" : "- x -";
        var kind = result == DeribitBookApplyResult.Snapshot ? "snapshot" : "change";
        return $"book {book.InstrumentName} bid {bid} ask {ask} depth {bids.Count}/{asks.Count} {kind} {book.ChangeId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}";
    }

    private static async Task<int> EndedAsync(DeribitAdapter adapter, string topic, TextWriter error, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // The stream ended by itself: the adapter stopped or faulted (reconnect budget spent, credentials refused).
        if (adapter.State == AdapterState.Faulted && adapter.Completion.IsCompleted && (await adapter.Completion.ConfigureAwait(false)).Error is ZenWebSocketException failure)
        {
            await error.WriteLineAsync($"zenws: the connection for {topic} is down: {failure.Explain()}").ConfigureAwait(false);
        }
        else
        {
            await error.WriteLineAsync($"zenws: the {topic} stream ended (adapter {adapter.State}).").ConfigureAwait(false);
        }

        return ExitCodes.Failed;
    }
}
