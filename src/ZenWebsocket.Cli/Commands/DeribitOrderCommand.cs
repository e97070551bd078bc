using ZenWebsocket.Deribit;

namespace ZenWebsocket.Cli.Commands;

/// <summary>
/// The core of <c>zenws deribit order buy|sell|cancel|open</c>: start an authenticated <see cref="DeribitAdapter"/>,
/// make one private call, print the order(s) one line each, stop. The secret is never printed.
/// </summary>
internal static class DeribitOrderCommand
{
    /// <summary>Runs the action.</summary>
    /// <returns>0 when done, 1 when the connection, the authentication or the request failed, 2 when credentials are missing.</returns>
    internal static async Task<int> RunAsync(DeribitOrderSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ClientId is null || settings.ClientSecret is null)
        {
            await error.WriteLineAsync($"zenws: an API key is needed: pass --client-id and --client-secret or set {DeribitCommand.ClientIdVariable} and {DeribitCommand.ClientSecretVariable}.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        DeribitCredentials credentials;
        try
        {
            credentials = new DeribitCredentials(settings.ClientId, settings.ClientSecret);
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync("zenws: " + Options.CliParsing.Describe(ex)).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var (adapter, startExit) = await DeribitStart.StartAsync(
            new DeribitOptions { Endpoint = settings.Endpoint, Credentials = credentials },
            error,
            cancellationToken).ConfigureAwait(false);
        if (adapter is null)
        {
            return startExit;
        }

        await using (adapter.ConfigureAwait(false))
        {
            int exit;
            try
            {
                foreach (var order in await ExecuteAsync(adapter, settings, cancellationToken).ConfigureAwait(false))
                {
                    await output.WriteLineAsync(DeribitCommand.FormatOrder(order)).ConfigureAwait(false);
                }

                exit = ExitCodes.Ok;
            }
            catch (ZenExchangeException ex)
            {
                await error.WriteLineAsync($"zenws: Deribit rejected the {Verb(settings.Action)} ({ex.Code}: {ex.ExchangeMessage}).").ConfigureAwait(false);
                exit = ExitCodes.Failed;
            }
            catch (ZenWebSocketException ex)
            {
                await error.WriteLineAsync($"zenws: the {Verb(settings.Action)} failed: {ex.Explain()}").ConfigureAwait(false);
                exit = ExitCodes.Failed;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync($"zenws: cancelled; the {Verb(settings.Action)} may or may not have reached Deribit.").ConfigureAwait(false);
                exit = ExitCodes.Failed;
            }

            await adapter.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            return exit;
        }
    }

    /// <summary>Whether an instrument belongs to a currency: <c>BTC-PERPETUAL</c> and <c>BTC_USDC-PERPETUAL</c> are BTC's.</summary>
    internal static bool IsOfCurrency(string instrument, string currency) =>
        instrument.Length > currency.Length
        && instrument.StartsWith(currency, StringComparison.OrdinalIgnoreCase)
        && instrument[currency.Length] is '-' or '_';

    private static async Task<IReadOnlyList<DeribitOrder>> ExecuteAsync(DeribitAdapter adapter, DeribitOrderSettings settings, CancellationToken cancellationToken)
    {
        switch (settings.Action)
        {
            case DeribitOrderAction.Buy or DeribitOrderAction.Sell:
                var request = new DeribitOrderRequest
                {
                    InstrumentName = settings.Instrument!,
                    Amount = settings.Amount,
                    Price = settings.Price,
                    Type = settings.Price is null ? "market" : "limit",
                    Label = settings.Label,
                };
                var result = settings.Action == DeribitOrderAction.Buy
                    ? await adapter.BuyAsync(request, cancellationToken).ConfigureAwait(false)
                    : await adapter.SellAsync(request, cancellationToken).ConfigureAwait(false);
                return [result.Order];
            case DeribitOrderAction.Cancel:
                return [await adapter.CancelAsync(settings.OrderId!, cancellationToken).ConfigureAwait(false)];
            default:
                var open = await adapter.GetOpenOrdersAsync(cancellationToken).ConfigureAwait(false);
                return settings.Currency is { } currency ? open.Where(o => IsOfCurrency(o.InstrumentName, currency)).ToArray() : open;
        }
    }

    private static string Verb(DeribitOrderAction action) => action switch
    {
        DeribitOrderAction.Buy => "buy order",
        DeribitOrderAction.Sell => "sell order",
        DeribitOrderAction.Cancel => "cancel",
        _ => "open-orders request",
    };
}
