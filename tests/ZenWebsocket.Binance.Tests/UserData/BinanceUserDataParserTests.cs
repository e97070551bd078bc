using System.Text;

namespace ZenWebsocket.Binance.Tests.UserData;

public sealed class BinanceUserDataParserTests
{
    [Fact]
    public void An_execution_report_is_read_into_its_typed_fields()
    {
        var json = Encoding.UTF8.GetBytes("""
            {"subscriptionId":0,"event":{"e":"executionReport","E":1499405658658,"s":"ETHBTC","c":"mUvoqJxFIILMdfAW5iGSOW",
             "S":"BUY","o":"LIMIT","f":"GTC","q":"1.00000000","p":"0.10264410","P":"0.00000000","F":"0.00000000","g":-1,
             "C":"","x":"TRADE","X":"PARTIALLY_FILLED","r":"NONE","i":4293153,"l":"0.50000000","z":"0.50000000",
             "L":"0.10264410","n":"0","N":null,"T":1499405658657,"t":7,"v":3,"I":8641984,"w":true,"m":false,"M":false,
             "O":1499405658657,"Z":"0.05132205","Y":"0.00000000","Q":"0.00000000","W":1499405658657,"V":"NONE"}}
            """);

        var report = Assert.IsType<BinanceExecutionReport>(BinanceUserDataParser.Parse(json, out var subscriptionId));

        Assert.Equal(0, subscriptionId);
        Assert.Equal(("ETHBTC", "mUvoqJxFIILMdfAW5iGSOW", 4293153L), (report.Symbol, report.ClientOrderId, report.OrderId));
        Assert.Equal(BinanceOrderSide.Buy, report.Side);
        Assert.Equal(BinanceExecutionType.Trade, report.ExecutionType);
        Assert.Equal(BinanceOrderStatus.PartiallyFilled, report.OrderStatus);
        Assert.Equal(0.10264410m, report.Price);
        Assert.Equal(0.5m, report.CumulativeQuantity);
        Assert.Equal(0.10264410m, report.AveragePrice);
        Assert.True(report.IsOnBook);
        Assert.Null(report.CommissionAsset);
    }

    [Fact]
    public void Account_position_balance_update_and_termination_are_typed_and_others_kept_raw()
    {
        var position = Assert.IsType<BinanceAccountPositionUpdate>(BinanceUserDataParser.Parse(Encoding.UTF8.GetBytes("""
            {"subscriptionId":0,"event":{"e":"outboundAccountPosition","E":1728972148778,"u":1728972148778,
             "B":[{"a":"BTC","f":"11818.00000000","l":"182.00000000"},{"a":"USDT","f":"10580.00000000","l":"70.00000000"}]}}
            """), out _));
        var balance = Assert.IsType<BinanceBalanceUpdate>(BinanceUserDataParser.Parse(Encoding.UTF8.GetBytes("{\"subscriptionId\":3,\"event\":{\"e\":\"balanceUpdate\",\"E\":1,\"a\":\"BTC\",\"d\":\"100.00000000\",\"T\":2}}"), out var id));
        var terminated = BinanceUserDataParser.Parse(Encoding.UTF8.GetBytes("{\"subscriptionId\":0,\"event\":{\"e\":\"eventStreamTerminated\",\"E\":5}}"), out _);
        var other = Assert.IsType<BinanceOtherUserDataEvent>(BinanceUserDataParser.Parse(Encoding.UTF8.GetBytes("{\"subscriptionId\":0,\"event\":{\"e\":\"listStatus\",\"E\":9,\"s\":\"BTCUSDT\"}}"), out _));

        Assert.Equal(2, position.Balances.Count);
        Assert.Equal(("USDT", 10580m, 70m), (position.Balances[1].Asset, position.Balances[1].Free, position.Balances[1].Locked));
        Assert.Equal((3L, "BTC", 100m), (id!.Value, balance.Asset, balance.Delta));
        Assert.Equal(5, Assert.IsType<BinanceUserDataTerminated>(terminated).EventTime);
        Assert.Equal(("listStatus", 9L), (other.EventType, other.EventTime));
        Assert.Contains("BTCUSDT", other.Json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"subscriptionId\":0,\"event\":{\"e\":\"balanceUpdate\"}}", true)]
    [InlineData("{\"event\":{\"e\":\"serverShutdown\",\"E\":1}}", false)]
    [InlineData("{\"id\":1,\"status\":200,\"result\":{\"subscriptionId\":0}}", false)]
    [InlineData("[1,2]", false)]
    public void Only_subscription_events_are_routed_to_the_user_data_topic(string json, bool routed)
    {
        Assert.Equal(routed, BinanceUserDataDialect.IsUserDataEvent(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void The_server_shutdown_event_of_the_API_is_recognised()
    {
        Assert.True(BinanceApiClient.TryReadShutdown("{\"event\":{\"e\":\"serverShutdown\",\"E\":1770123456789}}"u8, out var at));
        Assert.Equal(1770123456789, at.ToUnixTimeMilliseconds());
        Assert.False(BinanceApiClient.TryReadShutdown("{\"subscriptionId\":0,\"event\":{\"e\":\"balanceUpdate\"}}"u8, out _));
    }
}
