using System.Text;

namespace ZenWebsocket.Binance.Tests.Api;

public sealed class BinanceRateLimitsTests
{
    [Fact]
    public void The_rateLimits_array_of_a_response_is_read_with_its_windows()
    {
        var json = Encoding.UTF8.GetBytes("""
            {"id":7,"status":200,"result":{"orderId":1},
             "rateLimits":[
              {"rateLimitType":"ORDERS","interval":"SECOND","intervalNum":10,"limit":50,"count":12},
              {"rateLimitType":"ORDERS","interval":"DAY","intervalNum":1,"limit":160000,"count":4043},
              {"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":6000,"count":321}]}
            """);
        IReadOnlyList<BinanceRateLimit>? seen = null;
        var dialect = new BinanceRpcDialect(limits => seen = limits);

        var inbound = dialect.Classify(json);

        Assert.Equal(RpcMessageKind.Response, inbound.Kind);
        Assert.Equal(7, inbound.Id);
        Assert.NotNull(seen);
        Assert.Equal(3, seen.Count);
        Assert.Equal(TimeSpan.FromSeconds(10), seen[0].Window);
        Assert.Equal(TimeSpan.FromDays(1), seen[1].Window);
        Assert.Equal(("REQUEST_WEIGHT", 6000L, 321L), (seen[2].RateLimitType, seen[2].Limit, seen[2].Count));
    }

    [Fact]
    public void The_top_level_rateLimits_are_read_not_the_ones_inside_the_result()
    {
        // exchangeInfo's result carries the limits' definitions under the same name, without counts.
        var json = Encoding.UTF8.GetBytes("""
            {"id":3,"status":200,"result":{"rateLimits":[{"rateLimitType":"RAW_REQUESTS","interval":"MINUTE","intervalNum":5,"limit":61000}]},
             "rateLimits" : [{"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":6000,"count":20}]}
            """);
        IReadOnlyList<BinanceRateLimit>? seen = null;

        new BinanceRpcDialect(limits => seen = limits).Classify(json);

        Assert.NotNull(seen);
        Assert.Equal(("REQUEST_WEIGHT", 20L), (Assert.Single(seen).RateLimitType, seen[0].Count));
    }

    [Theory]
    [InlineData("{\"id\":4,\"status\":200,\"rateLimits\":[{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":50,\"count\":9}],\"result\":{\"orderId\":1}}")]
    [InlineData("{\"id\":4,\"status\":400,\"error\":{\"code\":-2010,\"msg\":\"Account has insufficient balance for requested action.\"},\"rateLimits\":[{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":50,\"count\":9}]}")]
    public void The_rateLimits_are_read_before_the_result_and_beside_an_error(string json)
    {
        IReadOnlyList<BinanceRateLimit>? seen = null;

        new BinanceRpcDialect(limits => seen = limits).Classify(Encoding.UTF8.GetBytes(json));

        Assert.NotNull(seen);
        Assert.Equal(("ORDERS", 9L), (Assert.Single(seen).RateLimitType, seen[0].Count));
    }

    [Fact]
    public void A_response_without_rateLimits_and_a_user_data_event_report_nothing()
    {
        var calls = 0;
        var dialect = new BinanceRpcDialect(_ => calls++);

        dialect.Classify(Encoding.UTF8.GetBytes("{\"id\":1,\"status\":200,\"result\":{}}"));
        dialect.Classify(Encoding.UTF8.GetBytes("{\"subscriptionId\":0,\"event\":{\"e\":\"balanceUpdate\",\"rateLimits\":[]}}"));

        Assert.Equal(0, calls);
    }

    [Fact]
    public void Rate_limit_options_are_validated_naming_the_option()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BinanceApiClientOptions { RateLimits = new BinanceApiRateLimits { OrdersPer10Seconds = 0 } }.Validate());

        Assert.Contains("BinanceApiRateLimits.OrdersPer10Seconds", error.Message, StringComparison.Ordinal);
        Assert.Contains("RecvWindow", Assert.Throws<ArgumentOutOfRangeException>(() => new BinanceApiClientOptions { RecvWindow = TimeSpan.FromSeconds(61) }.Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("ClientOrderIdPrefix", Assert.Throws<ArgumentException>(() => new BinanceApiClientOptions { ClientOrderIdPrefix = "bad prefix" }.Validate()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_endpoint_is_production_and_the_environment_switches_it()
    {
        Assert.Equal(new Uri("wss://ws-api.binance.com:443/ws-api/v3"), new BinanceApiClientOptions().Endpoint);
        Assert.Equal(new Uri("wss://ws-api.testnet.binance.vision/ws-api/v3"), new BinanceApiClientOptions { Environment = BinanceEnvironment.Testnet }.Endpoint);
    }
}
