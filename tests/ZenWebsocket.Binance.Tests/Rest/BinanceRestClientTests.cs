using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Binance.Tests.OrderBook.Support;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Binance.Tests.Rest;

public sealed class BinanceRestClientTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_depth_snapshot_is_the_exchange_book_at_its_update_id_and_the_used_weight_is_read()
    {
        await using var simulator = await QuietSimulatorAsync();
        using var rest = Client(simulator);
        simulator.StepMarket(3);

        var snapshot = await rest.GetDepthAsync("btcusdt", limit: 5);

        Assert.Equal(simulator.CurrentUpdateId("BTCUSDT"), snapshot.LastUpdateId);
        Assert.Equal(5, snapshot.Bids.Count);
        Assert.Equal(5, snapshot.Asks.Count);
        Assert.True(snapshot.Bids[0].Price < snapshot.Asks[0].Price);
        Assert.Equal(snapshot.Bids.OrderByDescending(l => l.Price), snapshot.Bids);
        Assert.Equal(5, rest.UsedWeight1m);
    }

    [Fact]
    public async Task An_unknown_symbol_is_an_exchange_error_with_code_and_message()
    {
        await using var simulator = await QuietSimulatorAsync();
        using var rest = Client(simulator);

        var error = await Assert.ThrowsAsync<ZenExchangeException>(() => rest.GetDepthAsync("NOPEUSDT"));

        Assert.Equal(-1121, error.Code);
        Assert.Equal("Invalid symbol.", error.ExchangeMessage);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Exchange_info_lists_the_symbols_with_status_assets_and_filters()
    {
        await using var simulator = await QuietSimulatorAsync();
        using var rest = Client(simulator);

        var info = await rest.GetExchangeInfoAsync();
        var one = await rest.GetExchangeInfoAsync(["ethbtc"]);

        Assert.Equal(["BTCUSDT", "ETHUSDT", "BNBUSDT", "ETHBTC"], info.Symbols.Select(s => s.Symbol));
        var btc = info.Find("btcusdt")!;
        Assert.True(btc.IsTrading);
        Assert.Equal(("BTC", "USDT"), (btc.BaseAsset, btc.QuoteAsset));
        Assert.Equal(0.01m, btc.TickSize);
        Assert.Equal(0.00001m, btc.StepSize);
        Assert.Equal(0.00001m, btc.MinQty);
        Assert.Equal(5m, btc.MinNotional);
        Assert.Equal(Start, info.ServerTime);
        Assert.Equal("ETHBTC", Assert.Single(one.Symbols).Symbol);
    }

    [Fact]
    public async Task Server_time_and_ping_answer()
    {
        await using var simulator = await QuietSimulatorAsync();
        using var rest = Client(simulator);

        await rest.PingAsync();
        Assert.Equal(Start, await rest.GetServerTimeAsync());
    }

    [Fact]
    public async Task Past_the_exchange_weight_limit_the_simulator_answers_429_with_retry_after_and_the_used_weight()
    {
        await using var simulator = await BinanceSimulator.StartAsync(new BinanceSimulatorOptions
        {
            GenerateMarketData = false,
            TimeProvider = new FakeTimeProvider(Start.AddSeconds(30)),
            Api = new BinanceApiOptions { RequestWeightPerMinute = 10 },
        });
        using var rest = Client(simulator);

        await rest.GetDepthAsync("BTCUSDT", limit: 100);
        Assert.Equal(5, rest.UsedWeight1m);
        var error = await Assert.ThrowsAsync<ZenRateLimitedException>(() => rest.GetDepthAsync("BTCUSDT", limit: 500));

        Assert.Contains("-1003", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData((HttpStatusCode)418)]
    public async Task Too_much_weight_is_a_rate_limit_error_carrying_retry_after(HttpStatusCode status)
    {
        using var http = new ScriptedRest().Answer(status, """{"code":-1003,"msg":"Too much request weight used; current limit is 6000 request weight per 1 MINUTE."}""", r => r.Headers.Add("Retry-After", "7"));
        using var rest = ScriptedRest.Client(http);

        var error = await Assert.ThrowsAsync<ZenRateLimitedException>(() => rest.PingAsync());

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Contains("-1003", error.Message, StringComparison.Ordinal);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task An_answer_that_is_not_a_binance_error_body_is_a_protocol_error()
    {
        using var http = new ScriptedRest().Answer(HttpStatusCode.BadGateway, "<html>bad gateway</html>");
        using var rest = ScriptedRest.Client(http);

        var error = await Assert.ThrowsAsync<ZenProtocolException>(() => rest.GetServerTimeAsync());

        Assert.Contains("502", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_a_transport_error()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var rest = new BinanceRestClient(new BinanceRestClientOptions { BaseAddress = new Uri($"http://127.0.0.1:{port}") });

        var error = await Assert.ThrowsAsync<ZenTransportException>(() => rest.PingAsync());

        Assert.Equal(TransportFailure.ConnectionRefused, error.Failure);
    }

    [Fact]
    public async Task A_request_without_an_answer_times_out_on_the_time_provider()
    {
        var time = new FakeTimeProvider();
        var never = new TaskCompletionSource();
        using var http = new ScriptedRest { BeforeAnswer = _ => never.Task }.AnswerSnapshot(1);
        using var rest = ScriptedRest.Client(http, new BinanceRestClientOptions { BaseAddress = new Uri("http://binance.test"), RequestTimeout = TimeSpan.FromSeconds(3), TimeProvider = time });

        var request = rest.GetDepthAsync("BTCUSDT");
        await http.WaitForRequestsAsync(1);
        time.Advance(TimeSpan.FromSeconds(3));

        var error = await Assert.ThrowsAsync<ZenTimeoutException>(() => request.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System));
        Assert.Equal(TimeoutKind.Request, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(3), error.Timeout);
    }

    [Fact]
    public async Task A_shared_weight_bucket_is_charged_the_depth_weight_and_refuses_a_request_it_cannot_cover_unsent()
    {
        var time = new FakeTimeProvider(Start);
        using var limiter = new ZenRateLimiter(new RateLimitOptions { Name = "weight", Capacity = 60, RefillAmount = 60, RefillPeriod = TimeSpan.FromMinutes(1), MaxWait = TimeSpan.Zero }, time);
        using var http = new ScriptedRest { Fallback = _ => ScriptedRest.Respond(HttpStatusCode.OK, ScriptedRest.Snapshot(1)) };
        using var rest = ScriptedRest.Client(http, new BinanceRestClientOptions { BaseAddress = new Uri("http://binance.test"), WeightLimiter = limiter, TimeProvider = time });

        await rest.GetDepthAsync("BTCUSDT", limit: 1000);
        var refused = await Assert.ThrowsAsync<ZenRateLimitedException>(() => rest.GetDepthAsync("BTCUSDT", limit: 1000));

        Assert.Single(http.Requests);
        Assert.NotNull(refused.RetryAfter);
        await rest.GetDepthAsync("BTCUSDT", limit: 100);
        Assert.Equal(2, http.Requests.Count);
    }

    [Fact]
    public async Task A_429_blocks_the_shared_weight_bucket_for_its_retry_after()
    {
        var time = new FakeTimeProvider(Start);
        using var limiter = new ZenRateLimiter(new RateLimitOptions { Name = "weight", Capacity = 6000, RefillAmount = 6000, RefillPeriod = TimeSpan.FromMinutes(1), MaxWait = TimeSpan.Zero }, time);
        using var http = new ScriptedRest().Answer(HttpStatusCode.TooManyRequests, """{"code":-1003,"msg":"Too much request weight used."}""", r => r.Headers.Add("Retry-After", "30"));
        using var rest = ScriptedRest.Client(http, new BinanceRestClientOptions { BaseAddress = new Uri("http://binance.test"), WeightLimiter = limiter, TimeProvider = time });

        await Assert.ThrowsAsync<ZenRateLimitedException>(() => rest.PingAsync());
        await Assert.ThrowsAsync<ZenRateLimitedException>(() => rest.PingAsync());

        Assert.Single(http.Requests);
    }

    [Fact]
    public async Task A_base_with_a_path_keeps_its_prefix()
    {
        using var http = new ScriptedRest().Answer(HttpStatusCode.OK, "{}");
        using var rest = ScriptedRest.Client(http, new BinanceRestClientOptions { BaseAddress = new Uri("https://proxy.test/binance/") });

        await rest.PingAsync();

        Assert.Equal(new Uri("https://proxy.test/binance/api/v3/ping"), Assert.Single(http.Requests));
    }

    [Fact]
    public async Task A_depth_limit_outside_one_to_five_thousand_is_refused_before_sending()
    {
        using var http = new ScriptedRest();
        using var rest = ScriptedRest.Client(http);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => rest.GetDepthAsync("BTCUSDT", 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => rest.GetDepthAsync("BTCUSDT", 5001));
        Assert.Empty(http.Requests);
    }

    [Fact]
    public void The_default_base_is_production_and_a_bad_base_is_refused_naming_the_option()
    {
        using var rest = new BinanceRestClient();

        Assert.Equal(new Uri("https://api.binance.com"), rest.BaseAddress);
        var error = Assert.Throws<ArgumentException>(() => new BinanceRestClient(new BinanceRestClientOptions { BaseAddress = new Uri("wss://stream.binance.com:9443") }));
        Assert.Contains("BinanceRestClientOptions.BaseAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supplied_http_client_is_left_open_on_dispose()
    {
        await using var simulator = await QuietSimulatorAsync();
        using var http = new HttpClient();
        var rest = new BinanceRestClient(new BinanceRestClientOptions { BaseAddress = simulator.RestUrl }, http);

        rest.Dispose();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(simulator.RestUrl, "/api/v3/ping"))).StatusCode);
    }

    private static Task<BinanceSimulator> QuietSimulatorAsync() =>
        BinanceSimulator.StartAsync(new BinanceSimulatorOptions { GenerateMarketData = false, TimeProvider = new FakeTimeProvider(Start) });

    private static BinanceRestClient Client(BinanceSimulator simulator) =>
        new(new BinanceRestClientOptions { BaseAddress = BinanceEndpoints.SingleHost(simulator.RestUrl).Rest });
}
