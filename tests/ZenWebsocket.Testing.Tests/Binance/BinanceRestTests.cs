using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Testing.Tests.Binance;

public class BinanceRestTests
{
    // 10:00:30.000 UTC: the minute bucket resets at 10:01:00, 30 s later.
    private static readonly DateTimeOffset MidMinute = new(2026, 3, 2, 10, 0, 30, TimeSpan.Zero);

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

    [Fact]
    public async Task REST_and_the_WebSocket_API_serve_the_same_exchange_info_with_the_configured_limits()
    {
        var time = new FakeTimeProvider(MidMinute);
        var options = BinanceTestKit.Quiet(time) with { Api = new BinanceApiOptions { RequestWeightPerMinute = 1234, OrdersPer10Seconds = 7 } };
        await using var simulator = await BinanceSimulator.StartAsync(options);
        using var socket = await Client.ConnectAsync(simulator.ApiUrl);

        var (_, rest, _) = await simulator.GetAsync("/api/v3/exchangeInfo");
        var api = (await socket.CallAsync("exchangeInfo", null)).Result();

        Assert.Equal(rest.GetProperty("symbols").GetRawText(), api.GetProperty("symbols").GetRawText());
        Assert.Equal(rest.GetProperty("rateLimits").GetRawText(), api.GetProperty("rateLimits").GetRawText());
        Assert.Equal(rest.GetProperty("exchangeFilters").GetRawText(), api.GetProperty("exchangeFilters").GetRawText());
        var limits = rest.GetProperty("rateLimits").EnumerateArray().ToDictionary(l => l.Text("rateLimitType") + "/" + l.Text("interval"), l => l.GetProperty("limit").GetInt32());
        Assert.Equal(1234, limits["REQUEST_WEIGHT/MINUTE"]);
        Assert.Equal(7, limits["ORDERS/SECOND"]);
        foreach (var symbol in rest.GetProperty("symbols").EnumerateArray())
        {
            Assert.Equal(["LIMIT", "LIMIT_MAKER", "MARKET"], symbol.GetProperty("orderTypes").EnumerateArray().Select(t => t.GetString()));
        }
    }

    [Fact]
    public async Task REST_and_the_WebSocket_API_count_against_one_request_weight_minute()
    {
        var time = new FakeTimeProvider(MidMinute);
        await using var simulator = await BinanceSimulator.StartAsync(BinanceTestKit.Quiet(time));
        using var socket = await Client.ConnectAsync(simulator.ApiUrl); // 2

        var before = await socket.CallAsync("ping", null); // 3
        var (_, _, rest) = await simulator.GetAsync("/api/v3/exchangeInfo"); // 23
        var after = await socket.CallAsync("ping", null); // 24

        Assert.Equal(3, RequestWeight(before));
        Assert.Equal("23", Assert.Single(rest.Headers.GetValues("X-MBX-USED-WEIGHT-1M")));
        Assert.Equal(24, RequestWeight(after));
    }

    [Fact]
    public async Task REST_over_the_shared_weight_limit_answers_429_then_418_with_Retry_After()
    {
        var time = new FakeTimeProvider(MidMinute);
        var options = BinanceTestKit.Quiet(time) with { Api = new BinanceApiOptions { RequestWeightPerMinute = 30, ViolationsBeforeBan = 1 } };
        await using var simulator = await BinanceSimulator.StartAsync(options);

        var (okStatus, _, ok) = await simulator.GetAsync("/api/v3/exchangeInfo");
        var (limitedStatus, limited, limitedResponse) = await simulator.GetAsync("/api/v3/exchangeInfo");
        var (bannedStatus, banned, bannedResponse) = await simulator.GetAsync("/api/v3/ping");
        time.Advance(TimeSpan.FromMinutes(2));
        var (laterStatus, _, later) = await simulator.GetAsync("/api/v3/ping");

        Assert.Equal(200, okStatus);
        Assert.Equal("20", Assert.Single(ok.Headers.GetValues("X-MBX-USED-WEIGHT-1M")));
        Assert.Equal(429, limitedStatus);
        Assert.Equal(TimeSpan.FromSeconds(30), limitedResponse.Headers.RetryAfter?.Delta);
        Assert.Equal("40", Assert.Single(limitedResponse.Headers.GetValues("X-MBX-USED-WEIGHT-1M")));
        Assert.Equal(-1003, limited.GetProperty("code").GetInt32());
        Assert.Equal(
            "Too much request weight used; current limit is 30 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.",
            limited.Text("msg"));
        Assert.Equal(418, bannedStatus);
        Assert.Equal(TimeSpan.FromSeconds(120), bannedResponse.Headers.RetryAfter?.Delta);
        Assert.Equal(-1003, banned.GetProperty("code").GetInt32());
        var until = time.GetUtcNow().ToUnixTimeMilliseconds(); // banned at 10:00:30 for 2 minutes: now, after the advance
        Assert.Equal($"Way too much request weight used; IP banned until {until}. Please use WebSocket Streams for live updates to avoid bans.", banned.Text("msg"));
        Assert.Equal(200, laterStatus);
        Assert.Equal("1", Assert.Single(later.Headers.GetValues("X-MBX-USED-WEIGHT-1M")));
    }

    private static int RequestWeight(JsonElement response) =>
        response.GetProperty("rateLimits").EnumerateArray().Single(l => l.Text("rateLimitType") == "REQUEST_WEIGHT").GetProperty("count").GetInt32();
}
