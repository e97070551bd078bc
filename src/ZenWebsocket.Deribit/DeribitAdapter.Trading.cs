using System.Security.Cryptography;

namespace ZenWebsocket.Deribit;

public sealed partial class DeribitAdapter
{
    /// <summary>Places a buy order (<c>private/buy</c>). Never re-sent: after a lost connection, reconcile by label.</summary>
    /// <param name="request">The order; a label is generated when it has none.</param>
    /// <param name="cancellationToken">Cancels the wait (the order may still have reached Deribit).</param>
    /// <returns>The order and its immediate trades.</returns>
    public Task<DeribitOrderResult> BuyAsync(DeribitOrderRequest request, CancellationToken cancellationToken = default) =>
        PlaceAsync("private/buy", request, cancellationToken);

    /// <summary>Places a sell order (<c>private/sell</c>). Never re-sent: after a lost connection, reconcile by label.</summary>
    /// <param name="request">The order; a label is generated when it has none.</param>
    /// <param name="cancellationToken">Cancels the wait (the order may still have reached Deribit).</param>
    /// <returns>The order and its immediate trades.</returns>
    public Task<DeribitOrderResult> SellAsync(DeribitOrderRequest request, CancellationToken cancellationToken = default) =>
        PlaceAsync("private/sell", request, cancellationToken);

    /// <summary>Changes an open order's amount and price (<c>private/edit</c>).</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="amount">The new amount.</param>
    /// <param name="price">The new price.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The edited order and its immediate trades.</returns>
    public Task<DeribitOrderResult> EditAsync(string orderId, decimal amount, decimal price, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        var parameters = RpcParams.Create(w =>
        {
            w.WriteStartObject();
            w.WriteString("order_id", orderId);
            w.WriteNumber("amount", amount);
            w.WriteNumber("price", price);
            w.WriteEndObject();
        });
        return RequestAsync("private/edit", parameters, DeribitJson.Default.DeribitOrderResult, cancellationToken: cancellationToken);
    }

    /// <summary>Cancels an order (<c>private/cancel</c>).</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The cancelled order.</returns>
    public Task<DeribitOrder> CancelAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        return RequestAsync("private/cancel", One("order_id", orderId), DeribitJson.Default.DeribitOrder, cancellationToken: cancellationToken);
    }

    /// <summary>Cancels every open order of the account (<c>private/cancel_all</c>).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>How many orders were cancelled.</returns>
    public Task<long> CancelAllAsync(CancellationToken cancellationToken = default) =>
        RequestAsync("private/cancel_all", RpcParams.None, DeribitJson.Default.Int64, cancellationToken: cancellationToken);

    /// <summary>Cancels the open orders with a label (<c>private/cancel_by_label</c>).</summary>
    /// <param name="label">The label.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>How many orders were cancelled.</returns>
    public Task<long> CancelByLabelAsync(string label, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        return RequestAsync("private/cancel_by_label", One("label", label), DeribitJson.Default.Int64, cancellationToken: cancellationToken);
    }

    /// <summary>Gets the account's open orders (<c>private/get_open_orders</c>).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The open orders.</returns>
    public Task<IReadOnlyList<DeribitOrder>> GetOpenOrdersAsync(CancellationToken cancellationToken = default) =>
        RequestAsync("private/get_open_orders", RpcParams.None, DeribitJson.Default.IReadOnlyListDeribitOrder, cancellationToken: cancellationToken);

    /// <summary>Gets an order's state (<c>private/get_order_state</c>).</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The order.</returns>
    public Task<DeribitOrder> GetOrderStateAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        return RequestAsync("private/get_order_state", One("order_id", orderId), DeribitJson.Default.DeribitOrder, cancellationToken: cancellationToken);
    }

    /// <summary>Gets the positions in a currency (<c>private/get_positions</c>).</summary>
    /// <param name="currency">The currency, e.g. <c>BTC</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The positions.</returns>
    public Task<IReadOnlyList<DeribitPosition>> GetPositionsAsync(string currency, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(currency);
        return RequestAsync("private/get_positions", One("currency", currency), DeribitJson.Default.IReadOnlyListDeribitPosition, cancellationToken: cancellationToken);
    }

    /// <summary>Gets the account summary of a currency (<c>private/get_account_summary</c>).</summary>
    /// <param name="currency">The currency, e.g. <c>BTC</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The account summary.</returns>
    public Task<DeribitPortfolio> GetAccountSummaryAsync(string currency, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(currency);
        return RequestAsync("private/get_account_summary", One("currency", currency), DeribitJson.Default.DeribitPortfolio, cancellationToken: cancellationToken);
    }

    /// <summary>Finds the open orders placed with a label: after a disconnect left an order's outcome unknown, an empty
    /// list means the order is not resting (it was never placed, or it filled or was cancelled).</summary>
    /// <param name="label">The label the order was placed with.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The open orders with that label.</returns>
    public async Task<IReadOnlyList<DeribitOrder>> ReconcileByLabelAsync(string label, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        var open = await GetOpenOrdersAsync(cancellationToken).ConfigureAwait(false);
        return open.Where(o => string.Equals(o.Label, label, StringComparison.Ordinal)).ToArray();
    }

    /// <summary>Returns a new unique order label (<c>zen-</c> and 16 random hex digits).</summary>
    /// <returns>The label.</returns>
    public static string NewLabel() => "zen-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private Task<DeribitOrderResult> PlaceAsync(string method, DeribitOrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.InstrumentName);
        var label = string.IsNullOrEmpty(request.Label) ? NewLabel() : request.Label;
        if (label.Length > 64)
        {
            throw new ArgumentException("DeribitOrderRequest.Label must be at most 64 characters.", nameof(request));
        }

        var parameters = RpcParams.Create(w =>
        {
            w.WriteStartObject();
            w.WriteString("instrument_name", request.InstrumentName);
            w.WriteNumber("amount", request.Amount);
            w.WriteString("type", request.Type);
            if (request.Price is { } price)
            {
                w.WriteNumber("price", price);
            }

            w.WriteString("label", label);
            if (request.TimeInForce is { Length: > 0 } timeInForce)
            {
                w.WriteString("time_in_force", timeInForce);
            }

            if (request.PostOnly)
            {
                w.WriteBoolean("post_only", true);
            }

            if (request.ReduceOnly)
            {
                w.WriteBoolean("reduce_only", true);
            }

            w.WriteEndObject();
        });
        return RequestAsync(method, parameters, DeribitJson.Default.DeribitOrderResult, cancellationToken: cancellationToken);
    }

    private static RpcParams One(string name, string value) => RpcParams.Create(w =>
    {
        w.WriteStartObject();
        w.WriteString(name, value);
        w.WriteEndObject();
    });
}
