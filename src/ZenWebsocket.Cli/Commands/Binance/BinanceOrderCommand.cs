using ZenWebsocket.Binance;
using ZenWebsocket.Cli.Options;

namespace ZenWebsocket.Cli.Commands;

/// <summary>
/// The core of <c>zenws binance order ...</c>: start a <see cref="BinanceApiClient"/> with the key, do one thing, print
/// the result as one line per order, stop. An order whose answer was lost with the connection is reconciled by its
/// client order id before the command reports.
/// </summary>
internal static class BinanceOrderCommand
{
    /// <summary>Runs the action.</summary>
    /// <returns>0 done, 1 the connection failed or the key was refused, 2 bad input (no key, an order or symbol Binance rejected).</returns>
    internal static async Task<int> RunAsync(BinanceOrderSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ApiKey is null || (settings.Secret is null && settings.PrivateKeyPem is null))
        {
            await error.WriteLineAsync($"zenws: binance order needs an API key: --api-key (or ${BinanceCommand.ApiKeyVariable}) with --secret (or ${BinanceCommand.SecretVariable}) or --private-key-file (or ${BinanceCommand.PrivateKeyFileVariable}).").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        BinanceApiClient client;
        try
        {
            var credentials = settings.Secret is not null
                ? BinanceCredentials.Hmac(settings.ApiKey, settings.Secret)
                : BinanceCredentials.Ed25519(settings.ApiKey, settings.PrivateKeyPem!);
            client = new BinanceApiClient(new BinanceApiClientOptions { Endpoint = settings.Endpoints.Api, Credentials = credentials });
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync("zenws: " + CliParsing.Describe(ex)).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        await using (client.ConfigureAwait(false))
        {
            try
            {
                await client.StartAsync(cancellationToken).ConfigureAwait(false);
                return await RunActionAsync(client, settings, output, cancellationToken).ConfigureAwait(false);
            }
            catch (ZenAuthenticationException ex)
            {
                await error.WriteLineAsync($"zenws: Binance refused the API key {settings.ApiKey} ({ex.Message}): {ex.Explain()}").ConfigureAwait(false);
                return ExitCodes.Failed;
            }
            catch (ZenExchangeException ex)
            {
                await error.WriteLineAsync($"zenws: Binance rejected the {settings.Action.ToString().ToLowerInvariant()} ({ex.Code}: {ex.ExchangeMessage}).").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            catch (ZenWebSocketException ex)
            {
                await error.WriteLineAsync($"zenws: {settings.Action.ToString().ToLowerInvariant()} failed against {settings.Endpoints.Api}: {ex.Explain()}").ConfigureAwait(false);
                return ExitCodes.Failed;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync("zenws: cancelled.").ConfigureAwait(false);
                return ExitCodes.Failed;
            }
            finally
            {
                await client.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Formats an order as one line.</summary>
    internal static string FormatOrder(BinanceOrder order) =>
        $"order {order.OrderId} {order.Status?.ToString() ?? "-"} {order.Side?.ToString() ?? "-"} {order.Symbol} {order.Type?.ToString() ?? "-"} quantity {SharedOptions.Number(order.OriginalQuantity)} price {SharedOptions.Number(order.Price)} filled {SharedOptions.Number(order.ExecutedQuantity)} client {order.ClientOrderId}";

    private static async Task<int> RunActionAsync(BinanceApiClient client, BinanceOrderSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        switch (settings.Action)
        {
            case BinanceOrderAction.Buy or BinanceOrderAction.Sell:
                return await PlaceAsync(client, settings, output, cancellationToken).ConfigureAwait(false);
            case BinanceOrderAction.Cancel:
                var cancelled = settings.OrderId is { } cancelId
                    ? await client.CancelOrderAsync(settings.Symbol!, cancelId, cancellationToken).ConfigureAwait(false)
                    : await client.CancelOrderAsync(settings.Symbol!, settings.ClientOrderId!, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync(FormatOrder(cancelled)).ConfigureAwait(false);
                return ExitCodes.Ok;
            case BinanceOrderAction.Status:
                var order = settings.OrderId is { } statusId
                    ? await client.GetOrderAsync(settings.Symbol!, statusId, cancellationToken).ConfigureAwait(false)
                    : await client.GetOrderAsync(settings.Symbol!, settings.ClientOrderId!, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync(FormatOrder(order)).ConfigureAwait(false);
                return ExitCodes.Ok;
            default:
                var open = await client.GetOpenOrdersAsync(settings.Symbol, cancellationToken).ConfigureAwait(false);
                foreach (var each in open)
                {
                    await output.WriteLineAsync(FormatOrder(each)).ConfigureAwait(false);
                }

                await output.WriteLineAsync($"{open.Count} open order{(open.Count == 1 ? "" : "s")}").ConfigureAwait(false);
                return ExitCodes.Ok;
        }
    }

    private static async Task<int> PlaceAsync(BinanceApiClient client, BinanceOrderSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var clientOrderId = settings.ClientOrderId ?? client.NewClientOrderId();
        var request = new BinanceOrderRequest
        {
            Symbol = settings.Symbol!,
            Side = settings.Action == BinanceOrderAction.Buy ? BinanceOrderSide.Buy : BinanceOrderSide.Sell,
            Type = settings.Price is null ? BinanceOrderType.Market : BinanceOrderType.Limit,
            TimeInForce = settings.Price is null ? null : BinanceTimeInForce.Gtc,
            Price = settings.Price,
            Quantity = settings.Quantity,
            NewClientOrderId = clientOrderId,
        };
        try
        {
            await output.WriteLineAsync(FormatOrder(await client.PlaceOrderAsync(request, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (ZenConnectionLostException ex) when (ex.OutcomeUnknown)
        {
            // The order may or may not be on the book: ask by its client order id on the restored connection.
            await output.WriteLineAsync($"outcome unknown for {clientOrderId} ({ex.Message}); reconciling").ConfigureAwait(false);
            var found = await client.ReconcileOrderAsync(settings.Symbol!, clientOrderId, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(found is null ? $"order {clientOrderId} was not placed" : FormatOrder(found)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
    }
}
