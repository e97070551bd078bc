namespace ZenWebsocket.Binance;

public sealed partial class BinanceApiClient
{
    /// <summary>The key under which an outcome-unknown <see cref="ZenConnectionLostException"/> from
    /// <see cref="PlaceOrderAsync"/> carries the order's client order id in <see cref="Exception.Data"/>.</summary>
    public const string ClientOrderIdDataKey = "Binance.ClientOrderId";

    /// <summary>
    /// Places an order (<c>order.place</c>, TRADE, weight 1, one order). Never re-sent: when the connection drops
    /// before the answer the call fails with <see cref="ZenConnectionLostException"/> whose <c>OutcomeUnknown</c> is
    /// set and whose <see cref="Exception.Data"/> holds the client order id under <see cref="ClientOrderIdDataKey"/>:
    /// call <see cref="ReconcileOrderAsync"/> with it.
    /// </summary>
    /// <param name="request">The order; a client order id is generated when it has none.</param>
    /// <param name="cancellationToken">Cancels the wait (the order may still reach Binance).</param>
    /// <returns>The order as Binance answered (ACK, RESULT or FULL).</returns>
    /// <exception cref="ArgumentException">The order lacks a value its type needs.</exception>
    /// <exception cref="BinanceApiException">Binance rejected it (-2010 ...); see <see cref="BinanceApiException.OutcomeUnknown"/> for 5xx.</exception>
    /// <exception cref="ZenAuthenticationException">The key may not trade (-2015) or the signature is wrong (-1022).</exception>
    /// <exception cref="ZenRateLimitedException">Binance or the local limiter refused it; see its RetryAfter.</exception>
    public async Task<BinanceOrder> PlaceOrderAsync(BinanceOrderRequest request, CancellationToken cancellationToken = default)
    {
        Validate(request);
        var clientOrderId = request.NewClientOrderId ?? NewClientOrderId();
        var timeInForce = request.TimeInForce ?? (request.Type == BinanceOrderType.Limit ? BinanceTimeInForce.Gtc : null);
        var parameters = SignedParams(p =>
        {
            p.Add("symbol", request.Symbol).Add("side", BinanceWire.Of(request.Side)).Add("type", BinanceWire.Of(request.Type));
            if (timeInForce is { } tif)
            {
                p.Add("timeInForce", BinanceWire.Of(tif));
            }

            p.AddIf("price", request.Price).AddIf("quantity", request.Quantity).AddIf("quoteOrderQty", request.QuoteOrderQuantity)
                .AddIf("stopPrice", request.StopPrice).Add("newClientOrderId", clientOrderId);
            if (request.ResponseType is { } responseType)
            {
                p.Add("newOrderRespType", BinanceWire.Of(responseType));
            }
        });
        try
        {
            return await RequestAsync("order.place", parameters, BinanceApiJson.Default.BinanceOrder, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ZenConnectionLostException ex)
        {
            ex.Data[ClientOrderIdDataKey] = clientOrderId;
            throw;
        }
        catch (BinanceApiException ex) when (ex.OutcomeUnknown)
        {
            ex.Data[ClientOrderIdDataKey] = clientOrderId;
            throw;
        }
    }

    /// <summary>Cancels an order by its exchange id (<c>order.cancel</c>, weight 1).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="orderId">The exchange's order id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The cancelled order.</returns>
    /// <exception cref="BinanceApiException">-2011 when the order is unknown or no longer open.</exception>
    public Task<BinanceOrder> CancelOrderAsync(string symbol, long orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return RequestAsync("order.cancel", SignedParams(p => p.Add("symbol", symbol).Add("orderId", orderId)), BinanceApiJson.Default.BinanceOrder, cancellationToken: cancellationToken);
    }

    /// <summary>Cancels an order by its client order id (<c>order.cancel</c> with <c>origClientOrderId</c>, weight 1).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="clientOrderId">The client order id it was placed with.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The cancelled order.</returns>
    /// <exception cref="BinanceApiException">-2011 when the order is unknown or no longer open.</exception>
    public Task<BinanceOrder> CancelOrderAsync(string symbol, string clientOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientOrderId);
        return RequestAsync("order.cancel", SignedParams(p => p.Add("symbol", symbol).Add("origClientOrderId", clientOrderId)), BinanceApiJson.Default.BinanceOrder, cancellationToken: cancellationToken);
    }

    /// <summary>Cancels every open order of a symbol (<c>openOrders.cancelAll</c>, weight 1).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The cancelled orders.</returns>
    public Task<IReadOnlyList<BinanceOrder>> CancelAllOpenOrdersAsync(string symbol, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return RequestAsync("openOrders.cancelAll", SignedParams(p => p.Add("symbol", symbol)), BinanceApiJson.Default.IReadOnlyListBinanceOrder, cancellationToken: cancellationToken);
    }

    /// <summary>Gets an order by its exchange id (<c>order.status</c>, weight 4).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="orderId">The exchange's order id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The order.</returns>
    /// <exception cref="BinanceApiException">-2013 when there is no such order.</exception>
    public Task<BinanceOrder> GetOrderAsync(string symbol, long orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return RequestAsync("order.status", SignedParams(p => p.Add("symbol", symbol).Add("orderId", orderId)), BinanceApiJson.Default.BinanceOrder, s_query, cancellationToken);
    }

    /// <summary>Gets an order by its client order id (<c>order.status</c> with <c>origClientOrderId</c>, weight 4).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="clientOrderId">The client order id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The order.</returns>
    /// <exception cref="BinanceApiException">-2013 when there is no such order.</exception>
    public Task<BinanceOrder> GetOrderAsync(string symbol, string clientOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientOrderId);
        return RequestAsync("order.status", SignedParams(p => p.Add("symbol", symbol).Add("origClientOrderId", clientOrderId)), BinanceApiJson.Default.BinanceOrder, s_query, cancellationToken);
    }

    /// <summary>Gets the open orders of one symbol or, with <see langword="null"/>, of all (<c>openOrders.status</c>, weight 6).</summary>
    /// <param name="symbol">The symbol, or <see langword="null"/> for every symbol.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The open orders.</returns>
    public Task<IReadOnlyList<BinanceOrder>> GetOpenOrdersAsync(string? symbol = null, CancellationToken cancellationToken = default) =>
        RequestAsync("openOrders.status", SignedParams(p => p.AddIf("symbol", symbol)), BinanceApiJson.Default.IReadOnlyListBinanceOrder, s_query, cancellationToken);

    /// <summary>
    /// Finds out what became of an order whose answer was lost (a <see cref="ZenConnectionLostException"/> with
    /// <c>OutcomeUnknown</c>, or a 5xx/-1007 <see cref="BinanceApiException"/>): its state by client order id, or
    /// <see langword="null"/> when Binance has no such order (it was never placed; placing it again is safe).
    /// </summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="clientOrderId">The client order id the order was sent with.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The order, or <see langword="null"/>.</returns>
    public async Task<BinanceOrder?> ReconcileOrderAsync(string symbol, string clientOrderId, CancellationToken cancellationToken = default)
    {
        try
        {
            // Right after a loss the query may meet the dead connection before the adapter noticed; the adapter then
            // holds it (unsent) for the restored connection, so no retry is needed here.
            return await GetOrderAsync(symbol, clientOrderId, cancellationToken).ConfigureAwait(false);
        }
        catch (BinanceApiException ex) when (ex.Code == BinanceErrors.NoSuchOrder)
        {
            return null;
        }
    }

    private static void Validate(BinanceOrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Symbol))
        {
            throw new ArgumentException("BinanceOrderRequest.Symbol is required.", nameof(request));
        }

        if (request.NewClientOrderId is { } id && !IsValidClientOrderId(id))
        {
            throw new ArgumentException("BinanceOrderRequest.NewClientOrderId must be 1 to 36 characters of [.A-Za-z0-9:/_-].", nameof(request));
        }

        var needsPrice = request.Type is BinanceOrderType.Limit or BinanceOrderType.LimitMaker or BinanceOrderType.StopLossLimit or BinanceOrderType.TakeProfitLimit;
        if (needsPrice && request.Price is null)
        {
            throw new ArgumentException($"BinanceOrderRequest.Price is required for a {BinanceWire.Of(request.Type)} order.", nameof(request));
        }

        if (request.Type == BinanceOrderType.Market)
        {
            if (request.Quantity is null == request.QuoteOrderQuantity is null)
            {
                throw new ArgumentException("A MARKET order needs exactly one of BinanceOrderRequest.Quantity and QuoteOrderQuantity.", nameof(request));
            }
        }
        else if (request.Quantity is null)
        {
            throw new ArgumentException($"BinanceOrderRequest.Quantity is required for a {BinanceWire.Of(request.Type)} order.", nameof(request));
        }

        if (request.Type is BinanceOrderType.StopLoss or BinanceOrderType.StopLossLimit or BinanceOrderType.TakeProfit or BinanceOrderType.TakeProfitLimit && request.StopPrice is null)
        {
            throw new ArgumentException($"BinanceOrderRequest.StopPrice is required for a {BinanceWire.Of(request.Type)} order.", nameof(request));
        }
    }
}
