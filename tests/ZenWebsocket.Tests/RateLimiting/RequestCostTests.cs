namespace ZenWebsocket.Tests.RateLimiting;

public sealed class RequestCostTests
{
    [Theory]
    [InlineData("private/buy", true)]
    [InlineData("private/sell", true)]
    [InlineData("private/edit", true)]
    [InlineData("private/cancel_all_by_currency", true)]
    [InlineData("private/mass_quote", true)]
    [InlineData("buy", true)]
    [InlineData("private/get_positions", false)]
    [InlineData("private/get_open_orders_by_currency", false)]
    [InlineData("public/get_time", false)]
    [InlineData("public/buy", false)]
    [InlineData("private/subscribe", false)]
    [InlineData("", false)]
    [InlineData("private/", false)]
    [InlineData("something/completely_unknown", false)]
    public void Deribit_classifies_matching_engine_methods(string method, bool matchingEngine)
    {
        Assert.Equal(matchingEngine, DeribitCredits.IsMatchingEngine(method));
        Assert.Equal(matchingEngine ? 1 : 0, DeribitCredits.MatchingEngine.GetCost(method));
    }

    [Theory]
    [InlineData("private/buy", 0)]
    [InlineData("private/sell", 0)]
    [InlineData("private/get_positions", 500)]
    [InlineData("private/get_account_summary", 500)]
    [InlineData("public/get_time", 500)]
    [InlineData("public/get_instruments", 10_000)]
    [InlineData("public/subscribe", 3_000)]
    [InlineData("private/subscribe", 3_000)]
    [InlineData("private/get_transaction_log", 10_000)]
    [InlineData("no/such_method", 500)]
    [InlineData("", 500)]
    public void Deribit_credits_per_method(string method, int credits) =>
        Assert.Equal(credits, DeribitCredits.NonMatchingEngine.GetCost(method));

    [Fact]
    public void Deribit_costs_never_throw_on_null()
    {
        Assert.Equal(500, DeribitCredits.NonMatchingEngine.GetCost(null!));
        Assert.Equal(0, DeribitCredits.MatchingEngine.GetCost(null!));
    }

    [Theory]
    [InlineData(DeribitMatchingEngineTier.Tier1, 100, 333_334)]
    [InlineData(DeribitMatchingEngineTier.Tier2, 50, 500_000)]
    [InlineData(DeribitMatchingEngineTier.Tier3, 30, 1_000_000)]
    [InlineData(DeribitMatchingEngineTier.Tier4, 20, 2_000_000)]
    public void Deribit_tiers_become_bursts_and_never_faster_refills(DeribitMatchingEngineTier tier, int burst, long periodTicks)
    {
        var options = DeribitCredits.MatchingEngineLimit(tier);
        options.Validate();
        Assert.Equal(burst, options.Capacity);
        Assert.Equal(1, options.RefillAmount);
        Assert.Equal(periodTicks, options.RefillPeriod.Ticks);
    }

    [Fact]
    public void Deribit_non_matching_engine_defaults_are_10000_credits_per_second_and_50000_burst()
    {
        var options = DeribitCredits.NonMatchingEngineLimit();
        Assert.Equal(50_000, options.Capacity);
        Assert.Equal(10_000.0, options.RefillAmount / options.RefillPeriod.TotalSeconds, 6);
    }

    [Theory]
    [InlineData("order.place", 1, 1)]
    [InlineData("v3/order.place", 1, 1)]
    [InlineData("order.cancel", 1, 0)]
    [InlineData("order.test", 1, 0)]
    [InlineData("orderList.place.oco", 1, 2)]
    [InlineData("depth", 5, 0)]
    [InlineData("ticker", 4, 0)]
    [InlineData("ticker.price", 2, 0)]
    [InlineData("ticker.24hr", 2, 0)]
    [InlineData("exchangeInfo", 20, 0)]
    [InlineData("account.status", 20, 0)]
    [InlineData("session.logon", 2, 0)]
    [InlineData("some.future.method", BinanceWeights.DefaultWeight, 0)]
    [InlineData("", BinanceWeights.DefaultWeight, 0)]
    public void Binance_weights_and_order_counts(string method, int weight, int orders)
    {
        Assert.Equal(weight, BinanceWeights.RequestWeight.GetCost(method));
        Assert.Equal(orders, BinanceWeights.OrderCount.GetCost(method));
    }

    [Fact]
    public void Binance_costs_never_throw_on_null()
    {
        Assert.Equal(BinanceWeights.DefaultWeight, BinanceWeights.RequestWeight.GetCost(null!));
        Assert.Equal(0, BinanceWeights.OrderCount.GetCost(null!));
    }

    [Fact]
    public void Binance_limits_are_fixed_utc_windows()
    {
        var weight = BinanceWeights.RequestWeightLimit();
        Assert.Equal((6_000, 6_000, TimeSpan.FromMinutes(1), true), (weight.Capacity, weight.RefillAmount, weight.RefillPeriod, weight.AlignRefillToUtc));
        var orders = BinanceWeights.OrdersPer10SecondsLimit();
        Assert.Equal((50, TimeSpan.FromSeconds(10)), (orders.Capacity, orders.RefillPeriod));
        Assert.Equal(160_000, BinanceWeights.OrdersPerDayLimit().Capacity);
    }

    [Fact]
    public void Fixed_and_table_costs()
    {
        Assert.Equal(3, new FixedCost(3).GetCost("anything"));
        Assert.Equal(1, FixedCost.One.GetCost(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FixedCost(-1));

        var table = new RequestCostTable(new Dictionary<string, int> { ["a"] = 7 }, defaultCost: 2);
        Assert.Equal(7, table.GetCost("a"));
        Assert.Equal(2, table.GetCost("A"));
        Assert.Equal(2, table.GetCost(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestCostTable(new Dictionary<string, int> { ["a"] = -1 }, 1));
    }
}
