namespace ZenWebsocket;

/// <summary>
/// Binance Spot WebSocket API limits: request weight per IP (<see cref="RequestWeight"/>, shared with REST) and the
/// unfilled-order count per account (<see cref="OrderCount"/>) in 10-second and daily windows.
/// </summary>
/// <remarks>
/// Binance counts in calendar-aligned fixed windows (a minute resets at :00), so the factory methods build buckets
/// that refill to full on UTC-aligned boundaries: such a bucket never grants more than the limit within one window.
/// Weights are those of the Spot WS API documentation for the common methods; a method whose weight depends on a
/// parameter (<c>depth</c> by <c>limit</c>, tickers for all symbols) is charged its single-symbol or default-limit
/// weight. Unknown methods cost <see cref="DefaultWeight"/>. A method may carry a version prefix (<c>v3/order.place</c>).
/// When Binance answers 429 or 418 with <c>retryAfter</c>, call <see cref="ZenRateLimiter.PenalizeUntil"/> on the
/// limiter it names. Limiters for request weight are per IP: share one instance across the connections of an IP.
/// </remarks>
public static class BinanceWeights
{
    /// <summary>The weight charged for a method not in the table.</summary>
    public const int DefaultWeight = 1;

    /// <summary>The name of the limiter built by <see cref="RequestWeightLimit"/>.</summary>
    public const string RequestWeightName = "binance.request_weight";

    /// <summary>The name of the limiter built by <see cref="OrdersPer10SecondsLimit"/>.</summary>
    public const string Orders10sName = "binance.orders.10s";

    /// <summary>The name of the limiter built by <see cref="OrdersPerDayLimit"/>.</summary>
    public const string Orders1dName = "binance.orders.1d";

    private static readonly RequestCostTable s_weights = new(
        new Dictionary<string, int>
        {
            ["ping"] = 1, ["time"] = 1, ["exchangeInfo"] = 20,
            ["depth"] = 5, ["trades.recent"] = 25, ["trades.historical"] = 25, ["trades.aggregate"] = 4,
            ["klines"] = 2, ["uiKlines"] = 2, ["avgPrice"] = 2,
            ["ticker.24hr"] = 2, ["ticker.tradingDay"] = 4, ["ticker"] = 4, ["ticker.price"] = 2, ["ticker.book"] = 2,
            ["session.logon"] = 2, ["session.status"] = 2, ["session.logout"] = 2,
            ["order.place"] = 1, ["order.test"] = 1, ["order.status"] = 4, ["order.cancel"] = 1,
            ["order.cancelReplace"] = 1, ["order.amend.keepPriority"] = 4,
            ["openOrders.status"] = 6, ["openOrders.cancelAll"] = 1,
            ["orderList.place"] = 1, ["orderList.place.oco"] = 1, ["orderList.place.oto"] = 1, ["orderList.place.otoco"] = 1,
            ["orderList.status"] = 4, ["orderList.cancel"] = 1, ["openOrderLists.status"] = 6,
            ["sor.order.place"] = 1, ["sor.order.test"] = 1,
            ["account.status"] = 20, ["account.commission"] = 20, ["account.rateLimits.orders"] = 40,
            ["allOrders"] = 20, ["allOrderLists"] = 20, ["myTrades"] = 20, ["myPreventedMatches"] = 20, ["myAllocations"] = 20,
            ["userDataStream.subscribe"] = 2, ["userDataStream.subscribe.signature"] = 2, ["userDataStream.unsubscribe"] = 2,
            ["userDataStream.start"] = 2, ["userDataStream.ping"] = 2, ["userDataStream.stop"] = 2,
        },
        DefaultWeight);

    // Orders each method adds to the unfilled-order count; an OCO or OTO list is two orders, OTOCO three.
    private static readonly RequestCostTable s_orders = new(
        new Dictionary<string, int>
        {
            ["order.place"] = 1, ["order.cancelReplace"] = 1, ["sor.order.place"] = 1,
            ["orderList.place"] = 2, ["orderList.place.oco"] = 2, ["orderList.place.oto"] = 2, ["orderList.place.otoco"] = 3,
        },
        0);

    /// <summary>Gets the request weight of each method; unknown methods weigh <see cref="DefaultWeight"/>.</summary>
    public static IRequestCost RequestWeight { get; } = new Stripped(s_weights);

    /// <summary>Gets the orders each method places (1 for <c>order.place</c>, 0 for queries and cancels).</summary>
    public static IRequestCost OrderCount { get; } = new Stripped(s_orders);

    /// <summary>Builds the per-IP request-weight bucket.</summary>
    /// <param name="weightPerMinute">The weight allowed per calendar minute. Default 6,000.</param>
    /// <returns>Options that refill to full at :00 of every UTC minute.</returns>
    public static RateLimitOptions RequestWeightLimit(int weightPerMinute = 6_000) => Window(RequestWeightName, weightPerMinute, TimeSpan.FromMinutes(1));

    /// <summary>Builds the per-account 10-second order bucket.</summary>
    /// <param name="ordersPer10Seconds">Orders allowed per 10-second window. Default 50.</param>
    /// <returns>Options that refill to full at :00, :10, :20 ... of every UTC minute.</returns>
    public static RateLimitOptions OrdersPer10SecondsLimit(int ordersPer10Seconds = 50) => Window(Orders10sName, ordersPer10Seconds, TimeSpan.FromSeconds(10));

    /// <summary>Builds the per-account daily order bucket.</summary>
    /// <param name="ordersPerDay">Orders allowed per UTC day. Default 160,000.</param>
    /// <returns>Options that refill to full at 00:00 UTC.</returns>
    public static RateLimitOptions OrdersPerDayLimit(int ordersPerDay = 160_000) => Window(Orders1dName, ordersPerDay, TimeSpan.FromDays(1));

    /// <summary>Creates the three buckets and a composite that charges weight and orders together, all or none.</summary>
    /// <param name="timeProvider">The clock. Default <see cref="TimeProvider.System"/>.</param>
    /// <returns>A composite that owns (and disposes) its limiters.</returns>
    public static CompositeRateLimiter CreateLimiter(TimeProvider? timeProvider = null)
    {
        var weight = new ZenRateLimiter(RequestWeightLimit(), timeProvider);
        var orders10s = new ZenRateLimiter(OrdersPer10SecondsLimit(), timeProvider);
        var orders1d = new ZenRateLimiter(OrdersPerDayLimit(), timeProvider);
        return new CompositeRateLimiter(
            [new(weight, RequestWeight), new(orders10s, OrderCount), new(orders1d, OrderCount)], ownsLimiters: true);
    }

    private static RateLimitOptions Window(string name, int limit, TimeSpan window)
    {
        Guard.InRange(limit, 1, int.MaxValue, nameof(limit));
        return new RateLimitOptions { Name = name, Capacity = limit, RefillAmount = limit, RefillPeriod = window, AlignRefillToUtc = true };
    }

    /// <summary>Looks a method up without its version prefix ("v3/order.place" is "order.place").</summary>
    private sealed class Stripped(RequestCostTable table) : IRequestCost
    {
        public int GetCost(string method)
        {
            if (method is null)
            {
                return table.DefaultCost;
            }

            var slash = method.IndexOf('/', StringComparison.Ordinal);
            return table.GetCost(slash >= 0 ? method.AsSpan(slash + 1) : method.AsSpan());
        }
    }
}
