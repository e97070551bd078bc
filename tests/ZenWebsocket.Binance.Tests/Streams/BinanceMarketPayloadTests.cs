using System.Text.Json;

namespace ZenWebsocket.Binance.Tests.Streams;

public sealed class BinanceMarketPayloadTests
{
    [Fact]
    public void A_trade_reads_with_decimal_price_and_quantity()
    {
        var trade = JsonSerializer.Deserialize("""{"e":"trade","E":1672515782136,"s":"BNBBTC","t":12345,"p":"0.001","q":"100","T":1672515782136,"m":true,"M":true}""", BinanceMarketJson.Default.BinanceTrade)!;
        Assert.Equal(12345, trade.TradeId);
        Assert.Equal(0.001m, trade.Price);
        Assert.Equal(100m, trade.Quantity);
        Assert.Equal("BNBBTC", trade.Symbol);
        Assert.True(trade.BuyerIsMaker);
        Assert.Equal(1672515782136, trade.TradeTime);
    }

    [Fact]
    public void An_aggregate_trade_reads_its_trade_id_range()
    {
        var trade = JsonSerializer.Deserialize("""{"e":"aggTrade","E":1672515782136,"s":"BNBBTC","a":12345,"p":"0.001","q":"100","f":100,"l":105,"T":1672515782136,"m":true,"M":true}""", BinanceMarketJson.Default.BinanceAggTrade)!;
        Assert.Equal((12345L, 100L, 105L, 0.001m), (trade.AggregateTradeId, trade.FirstTradeId, trade.LastTradeId, trade.Price));
    }

    [Fact]
    public void A_book_ticker_keeps_bid_and_ask_apart_by_case()
    {
        var ticker = JsonSerializer.Deserialize("""{"u":400900217,"s":"BNBUSDT","b":"25.35190000","B":"31.21000000","a":"25.36520000","A":"40.66000000"}""", BinanceMarketJson.Default.BinanceBookTicker)!;
        Assert.Equal((400900217L, 25.3519m, 31.21m, 25.3652m, 40.66m), (ticker.UpdateId, ticker.BidPrice, ticker.BidQuantity, ticker.AskPrice, ticker.AskQuantity));
    }

    [Fact]
    public void A_partial_depth_reads_its_levels_as_decimals()
    {
        var depth = JsonSerializer.Deserialize("""{"lastUpdateId":160,"bids":[["0.0024","10"]],"asks":[["0.0026","100"],["0.0027","0.5"]]}""", BinanceMarketJson.Default.BinancePartialDepth)!;
        Assert.Equal(160, depth.LastUpdateId);
        Assert.Equal([new BinancePartialDepthLevel(0.0024m, 10m)], depth.Bids);
        Assert.Equal(new BinancePartialDepthLevel(0.0027m, 0.5m), depth.Asks[1]);
    }

    [Fact]
    public void A_ticker_reads_the_24_hour_statistics()
    {
        var ticker = JsonSerializer.Deserialize("""{"e":"24hrTicker","E":1672515782136,"s":"BNBBTC","p":"0.0015","P":"250.00","w":"0.0018","x":"0.0009","c":"0.0025","Q":"10","b":"0.0024","B":"10","a":"0.0026","A":"100","o":"0.0010","h":"0.0025","l":"0.0010","v":"10000","q":"18","O":0,"C":86400000,"F":0,"L":18150,"n":18151}""", BinanceMarketJson.Default.BinanceTicker)!;
        Assert.Equal((0.0015m, 250m, 0.0025m, 10000m, 18m, 18151L), (ticker.PriceChange, ticker.PriceChangePercent, ticker.LastPrice, ticker.Volume, ticker.QuoteVolume, ticker.TradeCount));
    }

    [Fact]
    public void A_kline_event_reads_its_candle()
    {
        var kline = JsonSerializer.Deserialize("""{"e":"kline","E":1672515782136,"s":"BNBBTC","k":{"t":1672515780000,"T":1672515839999,"s":"BNBBTC","i":"1m","f":100,"L":200,"o":"0.0010","c":"0.0020","h":"0.0025","l":"0.0015","v":"1000","n":100,"x":false,"q":"1.0000","V":"500","Q":"0.500","B":"123456"}}""", BinanceMarketJson.Default.BinanceKlineEvent)!;
        Assert.Equal("1m", kline.Kline.Interval);
        Assert.Equal((0.0010m, 0.0020m, 0.0025m, 0.0015m, 1000m, false), (kline.Kline.Open, kline.Kline.Close, kline.Kline.High, kline.Kline.Low, kline.Kline.Volume, kline.Kline.IsClosed));
    }
}
