using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Testing.Tests.Binance;

public class BinanceRestTests
{
    [Fact]
    public async Task Ping_and_time_answer_on_the_simulator_clock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_770_123_456_789));
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet(time));

        var (pingStatus, ping, _) = await simulator.GetAsync("/api/v3/ping");
        var (_, serverTime, _) = await simulator.GetAsync("/api/v3/time");

        Assert.Equal(200, pingStatus);
        Assert.Equal("{}", ping.GetRawText());
        Assert.Equal("""{"serverTime":1770123456789}""", serverTime.GetRawText());
    }

    [Fact]
    public async Task Exchange_info_lists_the_symbols_with_their_filters_and_the_rate_limits()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet());

        var (status, info, _) = await simulator.GetAsync("/api/v3/exchangeInfo");
        var (_, one, _) = await simulator.GetAsync("/api/v3/exchangeInfo?symbol=ETHBTC");

        Assert.Equal(200, status);
        var symbols = info.GetProperty("symbols").EnumerateArray().ToList();
        Assert.Equal(BinanceSimSymbol.Defaults.Select(s => s.Symbol), symbols.Select(s => s.GetProperty("symbol").GetString()));
        var btc = symbols[0];
        Assert.Equal("TRADING", btc.GetProperty("status").GetString());
        Assert.Equal("BTC", btc.GetProperty("baseAsset").GetString());
        var filters = btc.GetProperty("filters").EnumerateArray().ToDictionary(f => f.GetProperty("filterType").GetString()!);
        Assert.Equal(0.01m, filters["PRICE_FILTER"].GetProperty("tickSize").Dec());
        Assert.Equal(0.00001m, filters["LOT_SIZE"].GetProperty("stepSize").Dec());
        Assert.Equal(5m, filters["NOTIONAL"].GetProperty("minNotional").Dec());
        Assert.Contains(info.GetProperty("rateLimits").EnumerateArray(), l => l.GetProperty("rateLimitType").GetString() == "REQUEST_WEIGHT" && l.GetProperty("limit").GetInt32() == 6000);
        Assert.Equal("ETHBTC", Assert.Single(one.GetProperty("symbols").EnumerateArray()).GetProperty("symbol").GetString());
    }

    [Fact]
    public async Task Depth_defaults_to_100_levels_and_reports_its_weight()
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet());

        var (status, depth, response) = await simulator.GetAsync("/api/v3/depth?symbol=BTCUSDT&limit=5");
        var (_, deeper, second) = await simulator.GetAsync("/api/v3/depth?symbol=BTCUSDT&limit=1000");
        var (_, standard, _) = await simulator.GetAsync("/api/v3/depth?symbol=BTCUSDT");

        Assert.Equal(200, status);
        Assert.Equal(5, depth.GetProperty("bids").GetArrayLength());
        Assert.Equal(5, depth.GetProperty("asks").GetArrayLength());
        Assert.True(depth.GetProperty("bids")[0][0].Dec() < depth.GetProperty("asks")[0][0].Dec());
        Assert.True(depth.GetProperty("bids")[0][0].Dec() > depth.GetProperty("bids")[1][0].Dec());
        Assert.True(standard.GetProperty("bids").GetArrayLength() is > 5 and <= 100);
        Assert.Equal(simulator.CurrentUpdateId("BTCUSDT"), deeper.GetProperty("lastUpdateId").GetInt64());
        Assert.Equal("5", Assert.Single(response.Headers.GetValues("X-MBX-USED-WEIGHT-1M")));
        Assert.Equal("55", Assert.Single(second.Headers.GetValues("X-MBX-USED-WEIGHT-1M")));
    }

    [Theory]
    [InlineData("/api/v3/depth?symbol=NOPEUSDT", -1121, "Invalid symbol.")]
    [InlineData("/api/v3/exchangeInfo?symbol=NOPEUSDT", -1121, "Invalid symbol.")]
    [InlineData("/api/v3/depth", -1102, "Mandatory parameter 'symbol' was not sent, was empty/malformed.")]
    public async Task Bad_requests_answer_400_with_a_binance_error(string path, int code, string message)
    {
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet());

        var (status, error, _) = await simulator.GetAsync(path);

        Assert.Equal(400, status);
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.Equal(message, error.GetProperty("msg").GetString());
        Assert.Equal(JsonValueKind.Object, error.ValueKind);
    }
}
