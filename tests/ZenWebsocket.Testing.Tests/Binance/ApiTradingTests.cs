using System.Text.Json;
using System.Text.Json.Nodes;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Testing.Tests.Binance;

public sealed class ApiTradingTests
{
    [Fact]
    public void A_crossing_limit_buy_fills_at_the_ask_and_the_stream_says_NEW_then_TRADE_then_the_position()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        harness.Call(connection, session, "userDataStream.subscribe.signature", harness.Hmac([]));

        var frames = harness.Send(connection, session, "order.place", harness.Hmac(ApiHarness.Limit("BUY", "60100.00", "0.5")));

        var response = frames[0];
        ApiAssert.Ok(response);
        Assert.Equal("FILLED", response.Result().Text("status"));
        var fill = Assert.Single(response.Result().GetProperty("fills").EnumerateArray());
        Assert.Equal(60_000.01m, fill.Amount("price"));
        var events = frames.Events().ToList();
        Assert.Equal(["executionReport", "executionReport", "outboundAccountPosition"], events.Select(e => e.Text("e")));
        Assert.Equal("NEW", events[0].Text("x"));
        Assert.Equal("TRADE", events[1].Text("x"));
        Assert.Equal("FILLED", events[1].Text("X"));
        Assert.Equal(60_000.01m, events[1].Amount("L"));
        Assert.Equal(2.5m, harness.Engine.Balance("BTC", "default"));
        Assert.Equal(100_000m - 30_000.005m, harness.Engine.Balance("USDT", "default"));
        var usdt = events[2].GetProperty("B").EnumerateArray().Single(b => b.Text("a") == "USDT");
        Assert.Equal(100_000m - 30_000.005m, usdt.Amount("f"));
    }

    [Fact]
    public void A_resting_order_locks_its_quote_and_fills_when_the_market_moves_through_it()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        harness.Call(connection, session, "userDataStream.subscribe.signature", harness.Hmac([]));

        var placed = harness.Send(connection, session, "order.place", harness.Hmac(ApiHarness.Limit("BUY", "59000.00", "1")));
        Assert.Equal("NEW", placed[0].Result().Text("status"));
        Assert.Equal(59_000m, harness.Engine.LockedBalance("USDT", "default"));
        Assert.Equal(41_000m, harness.Engine.Balance("USDT", "default"));

        harness.Market.Move("BTCUSDT", 58_990m, 58_999.5m);
        var events = connection.Take().Events().ToList();

        Assert.Equal("TRADE", events[0].Text("x"));
        Assert.True(events[0].GetProperty("m").GetBoolean());
        Assert.Equal(59_000m, events[0].Amount("L"));
        Assert.Equal("outboundAccountPosition", events[1].Text("e"));
        Assert.Equal(0m, harness.Engine.LockedBalance("USDT", "default"));
        Assert.Equal(3m, harness.Engine.Balance("BTC", "default"));
        Assert.Equal("FILLED", Assert.Single(harness.Engine.Orders("BTCUSDT")).Status);
    }

    [Fact]
    public void A_sell_above_the_bid_rests_and_FillOpenOrders_fills_it_at_its_price()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();

        harness.Call(connection, session, "order.place", harness.Hmac(ApiHarness.Limit("SELL", "61000.00", "1")));
        Assert.Equal(1m, harness.Engine.LockedBalance("BTC", "default"));
        harness.Engine.FillOpenOrders("BTCUSDT");

        Assert.Equal(1m, harness.Engine.Balance("BTC", "default"));
        Assert.Equal(161_000m, harness.Engine.Balance("USDT", "default"));
    }

    [Fact]
    public void A_market_order_by_quote_quantity_fills_at_the_top()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        var parameters = new JsonObject { ["symbol"] = "ETHUSDT", ["side"] = "BUY", ["type"] = "MARKET", ["quoteOrderQty"] = "3000.01" };

        var result = harness.Call(connection, session, "order.place", harness.Hmac(parameters)).Result();

        Assert.Equal("FILLED", result.Text("status"));
        Assert.Equal(1m, result.Amount("executedQty"));
        Assert.Equal(21m, harness.Engine.Balance("ETH", "default"));
    }

    [Fact]
    public void An_IOC_order_that_cannot_fill_expires_and_a_crossing_LIMIT_MAKER_is_rejected()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        var maker = ApiHarness.Limit("BUY", "60000.01", "0.01");
        maker["type"] = "LIMIT_MAKER";
        maker.Remove("timeInForce");

        var ioc = harness.Call(connection, session, "order.place", harness.Hmac(ApiHarness.Limit("BUY", "59000.00", "0.01", timeInForce: "IOC")));
        var rejected = harness.Call(connection, session, "order.place", harness.Hmac(maker));

        Assert.Equal("EXPIRED", ioc.Result().Text("status"));
        ApiAssert.Error(rejected, 400, -2010, "Order would immediately match and take.");
        Assert.Equal(100_000m, harness.Engine.Balance("USDT", "default"));
    }

    [Theory]
    [InlineData("60000.001", "0.01", "Filter failure: PRICE_FILTER")]
    [InlineData("50000.00", "0.000015", "Filter failure: LOT_SIZE")]
    [InlineData("50000.00", "0.000001", "Filter failure: LOT_SIZE")]
    [InlineData("100.00", "0.00001", "Filter failure: NOTIONAL")]
    public void Orders_breaking_a_symbol_filter_get_1013(string price, string quantity, string message)
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();

        var response = harness.Call(connection, session, "order.place", harness.Hmac(ApiHarness.Limit("BUY", price, quantity)));

        ApiAssert.Error(response, 400, -1013, message);
    }

    [Fact]
    public void Bad_order_params_name_the_param()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        var noPrice = ApiHarness.Limit("BUY", "1", "1");
        noPrice.Remove("price");
        var extra = ApiHarness.Limit("BUY", "50000.00", "0.01");
        extra["colour"] = "blue";

        ApiAssert.Error(harness.Call(connection, session, "order.place", harness.Hmac(noPrice)), 400, -1102, "Mandatory parameter 'price' was not sent, was empty/null, or malformed.");
        ApiAssert.Error(harness.Call(connection, session, "order.place", harness.Hmac(ApiHarness.Limit("BUY", "1e5", "0.01"))), 400, -1100);
        ApiAssert.Error(harness.Call(connection, session, "order.place", harness.Hmac(ApiHarness.Limit("BUY", "50000.00", "0.01", symbol: "XYZ"))), 400, -1121, "Invalid symbol.");
        ApiAssert.Error(harness.Call(connection, session, "order.place", harness.Hmac(extra)), 400, -1103);
    }

    [Fact]
    public void An_order_beyond_the_balance_gets_2010()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();

        var response = harness.Call(connection, session, "order.place", harness.Hmac(ApiHarness.Limit("SELL", "70000.00", "3")));

        ApiAssert.Error(response, 400, -2010, "Account has insufficient balance for requested action.");
    }

    [Fact]
    public void A_duplicate_client_order_id_of_an_open_order_is_rejected()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        JsonObject Order()
        {
            var order = ApiHarness.Limit("BUY", "50000.00", "0.01");
            order["newClientOrderId"] = "my-order-1";
            return harness.Hmac(order);
        }

        var first = harness.Call(connection, session, "order.place", Order());
        var second = harness.Call(connection, session, "order.place", Order());

        Assert.Equal("my-order-1", first.Result().Text("clientOrderId"));
        ApiAssert.Error(second, 400, -2010, "Duplicate order sent.");
    }

    [Fact]
    public void A_client_order_id_is_free_again_once_its_order_is_cancelled_or_filled()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        JsonObject Order()
        {
            var order = ApiHarness.Limit("BUY", "50000.00", "0.01");
            order["newClientOrderId"] = "reused";
            return harness.Hmac(order);
        }

        var first = harness.Call(connection, session, "order.place", Order());
        harness.Call(connection, session, "order.cancel", harness.Hmac(new JsonObject { ["symbol"] = "BTCUSDT", ["origClientOrderId"] = "reused" }));
        var afterCancel = harness.Call(connection, session, "order.place", Order());
        harness.Market.Move("BTCUSDT", 49_999.00m, 50_000.00m);
        harness.Market.Move("BTCUSDT", 59_999.99m, 60_000.01m);
        var afterFill = harness.Call(connection, session, "order.place", Order());
        var duplicate = harness.Call(connection, session, "order.place", Order());

        ApiAssert.Ok(first);
        ApiAssert.Ok(afterCancel);
        Assert.Equal("FILLED", harness.Engine.Orders("BTCUSDT").Single(o => o.OrderId == afterCancel.Result().GetProperty("orderId").GetInt64()).Status);
        ApiAssert.Ok(afterFill);
        Assert.Equal("NEW", afterFill.Result().Text("status"));
        ApiAssert.Error(duplicate, 400, -2010, "Duplicate order sent.");
    }

    [Fact]
    public void Cancel_by_client_id_unlocks_the_balance_and_reports_CANCELED()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        harness.Call(connection, session, "userDataStream.subscribe.signature", harness.Hmac([]));
        var order = ApiHarness.Limit("BUY", "50000.00", "0.1");
        order["newClientOrderId"] = "to-cancel";
        harness.Send(connection, session, "order.place", harness.Hmac(order));

        var frames = harness.Send(connection, session, "order.cancel", harness.Hmac(new JsonObject { ["symbol"] = "BTCUSDT", ["origClientOrderId"] = "to-cancel" }));
        var status = harness.Call(connection, session, "order.status", harness.Hmac(new JsonObject { ["symbol"] = "BTCUSDT", ["origClientOrderId"] = "to-cancel" }));

        Assert.Equal("CANCELED", frames[0].Result().Text("status"));
        Assert.Equal("to-cancel", frames[0].Result().Text("origClientOrderId"));
        var report = frames.Events().First();
        Assert.Equal("CANCELED", report.Text("x"));
        Assert.Equal("to-cancel", report.Text("C"));
        Assert.Equal(100_000m, harness.Engine.Balance("USDT", "default"));
        Assert.Equal("CANCELED", status.Result().Text("status"));
    }

    [Fact]
    public void Cancelling_an_unknown_order_gives_2011_and_asking_for_it_gives_2013()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        var unknown = new JsonObject { ["symbol"] = "BTCUSDT", ["orderId"] = 424242 };

        ApiAssert.Error(harness.Call(connection, session, "order.cancel", harness.Hmac(unknown.DeepClone().AsObject())), 400, -2011, "Unknown order sent.");
        ApiAssert.Error(harness.Call(connection, session, "order.status", harness.Hmac(unknown.DeepClone().AsObject())), 400, -2013, "Order does not exist.");
    }

    [Fact]
    public void Open_orders_are_listed_and_cancelAll_cancels_them_per_symbol()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        harness.Call(connection, session, "order.place", harness.Hmac(ApiHarness.Limit("BUY", "50000.00", "0.01")));
        harness.Call(connection, session, "order.place", harness.Hmac(ApiHarness.Limit("BUY", "50001.00", "0.01")));
        harness.Call(connection, session, "order.place", harness.Hmac(ApiHarness.Limit("BUY", "2000.00", "0.01", symbol: "ETHUSDT")));

        var all = harness.Call(connection, session, "openOrders.status", harness.Hmac([])).Result();
        var cancelled = harness.Call(connection, session, "openOrders.cancelAll", harness.Hmac(new JsonObject { ["symbol"] = "BTCUSDT" })).Result();
        var left = harness.Call(connection, session, "openOrders.status", harness.Hmac(new JsonObject { ["symbol"] = "BTCUSDT" })).Result();
        var again = harness.Call(connection, session, "openOrders.cancelAll", harness.Hmac(new JsonObject { ["symbol"] = "BTCUSDT" }));

        Assert.Equal(3, all.GetArrayLength());
        Assert.Equal(2, cancelled.GetArrayLength());
        Assert.All(cancelled.EnumerateArray(), c => Assert.Equal("CANCELED", c.Text("status")));
        Assert.Equal(0, left.GetArrayLength());
        ApiAssert.Error(again, 400, -2011);
    }

    [Fact]
    public void Account_status_shows_free_and_locked_balances()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        harness.Call(connection, session, "order.place", harness.Hmac(ApiHarness.Limit("SELL", "70000.00", "0.5")));

        var result = harness.Call(connection, session, "account.status", harness.Hmac([])).Result();

        var btc = result.GetProperty("balances").EnumerateArray().Single(b => b.Text("asset") == "BTC");
        Assert.Equal(1.5m, btc.Amount("free"));
        Assert.Equal(0.5m, btc.Amount("locked"));
        Assert.True(result.GetProperty("canTrade").GetBoolean());
        Assert.Equal("SPOT", result.Text("accountType"));
    }

    [Fact]
    public void The_response_type_ACK_RESULT_FULL_decides_the_fields()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        JsonObject Order(string type)
        {
            var order = ApiHarness.Limit("BUY", "60000.01", "0.01");
            order["newOrderRespType"] = type;
            return harness.Hmac(order);
        }

        var ack = harness.Call(connection, session, "order.place", Order("ACK")).Result();
        var result = harness.Call(connection, session, "order.place", Order("RESULT")).Result();
        var full = harness.Call(connection, session, "order.place", Order("FULL")).Result();

        Assert.False(ack.TryGetProperty("status", out _));
        Assert.Equal("FILLED", result.Text("status"));
        Assert.False(result.TryGetProperty("fills", out _));
        Assert.Equal(JsonValueKind.Array, full.GetProperty("fills").ValueKind);
    }
}
