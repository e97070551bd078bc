using System.Globalization;
using System.Text;

namespace ZenWebsocket.Binance.Tests.OrderBook;

public sealed class BinanceDepthReaderTests
{
    [Fact]
    public void The_documented_depth_update_reads_with_its_ids_and_levels()
    {
        var update = BinanceDepthUpdate.Parse("""
            {"e": "depthUpdate", "E": 1672515782136, "s": "BNBBTC", "U": 157, "u": 160,
             "b": [["0.0024", "10"]], "a": [["0.0026", "100"]]}
            """u8);

        Assert.Equal("BNBBTC", update.Symbol);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1672515782136), update.EventTime);
        Assert.Equal(157, update.FirstUpdateId);
        Assert.Equal(160, update.FinalUpdateId);
        Assert.Equal([new BinanceBookLevel(0.0024m, 10m)], update.Bids);
        Assert.Equal([new BinanceBookLevel(0.0026m, 100m)], update.Asks);
    }

    [Fact]
    public void A_combined_stream_frame_reads_as_its_data()
    {
        var update = BinanceDepthUpdate.Parse("""
            {"stream":"bnbbtc@depth@100ms","data":{"e":"depthUpdate","E":1,"s":"BNBBTC","U":7,"u":9,"b":[],"a":[["0.00260000","0.00000000"]]}}
            """u8);

        Assert.Equal(7, update.FirstUpdateId);
        Assert.Equal(9, update.FinalUpdateId);
        Assert.Equal([new BinanceBookLevel(0.0026m, 0m)], update.Asks);
    }

    [Fact]
    public void Prices_read_the_same_under_a_culture_with_a_decimal_comma()
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var snapshot = BinanceDepthSnapshot.Parse("""{"lastUpdateId":1,"bids":[["60000.12000000","1.50000000"]],"asks":[]}"""u8);

            Assert.Equal(60000.12m, snapshot.Bids[0].Price);
            Assert.Equal(1.5m, snapshot.Bids[0].Quantity);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void The_documented_snapshot_reads_with_its_last_update_id()
    {
        var snapshot = BinanceDepthSnapshot.Parse("""
            {"lastUpdateId": 1027024, "bids": [["4.00000000", "431.00000000"]],
             "asks": [["4.00000200", "12.00000000"]]}
            """u8);

        Assert.Equal(1027024, snapshot.LastUpdateId);
        Assert.Equal([new BinanceBookLevel(4m, 431m)], snapshot.Bids);
        Assert.Equal([new BinanceBookLevel(4.000002m, 12m)], snapshot.Asks);
    }

    [Theory]
    [InlineData("""{"e":"depthUpdate","s":"BNBBTC","u":160,"b":[],"a":[]}""")]
    [InlineData("""{"e":"depthUpdate","U":1,"u":2,"b":[["abc","1"]],"a":[]}""")]
    [InlineData("""{"e":"depthUpdate","U":1,"u":2,"b":[{"p":"1"}],"a":[]}""")]
    [InlineData("""not json""")]
    [InlineData("""[1,2]""")]
    public void A_malformed_depth_update_is_a_protocol_error(string json)
    {
        var error = Assert.Throws<ZenProtocolException>(() => BinanceDepthUpdate.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(ProtocolFailure.MalformedMessage, error.Failure);
    }

    [Fact]
    public void Another_event_is_not_read_as_a_depth_update()
    {
        var error = Assert.Throws<ZenProtocolException>(() => BinanceDepthUpdate.Parse("""{"e":"serverShutdown","E":1770123456789}"""u8));

        Assert.Contains("serverShutdown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_without_its_update_id_is_a_protocol_error()
    {
        Assert.Throws<ZenProtocolException>(() => BinanceDepthSnapshot.Parse("""{"bids":[],"asks":[]}"""u8));
    }
}
