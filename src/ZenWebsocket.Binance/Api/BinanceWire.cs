namespace ZenWebsocket.Binance;

/// <summary>The wire spelling of the request enums (the same names their JSON converters read).</summary>
internal static class BinanceWire
{
    public static string Of(BinanceOrderSide side) => side == BinanceOrderSide.Sell ? "SELL" : "BUY";

    public static string Of(BinanceOrderType type) => type switch
    {
        BinanceOrderType.Limit => "LIMIT",
        BinanceOrderType.LimitMaker => "LIMIT_MAKER",
        BinanceOrderType.Market => "MARKET",
        BinanceOrderType.StopLoss => "STOP_LOSS",
        BinanceOrderType.StopLossLimit => "STOP_LOSS_LIMIT",
        BinanceOrderType.TakeProfit => "TAKE_PROFIT",
        BinanceOrderType.TakeProfitLimit => "TAKE_PROFIT_LIMIT",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown order type."),
    };

    public static string Of(BinanceTimeInForce timeInForce) => timeInForce switch
    {
        BinanceTimeInForce.Gtc => "GTC",
        BinanceTimeInForce.Ioc => "IOC",
        BinanceTimeInForce.Fok => "FOK",
        _ => throw new ArgumentOutOfRangeException(nameof(timeInForce), timeInForce, "Unknown time in force."),
    };

    public static string Of(BinanceOrderResponseType responseType) => responseType switch
    {
        BinanceOrderResponseType.Ack => "ACK",
        BinanceOrderResponseType.Result => "RESULT",
        BinanceOrderResponseType.Full => "FULL",
        _ => throw new ArgumentOutOfRangeException(nameof(responseType), responseType, "Unknown response type."),
    };
}
