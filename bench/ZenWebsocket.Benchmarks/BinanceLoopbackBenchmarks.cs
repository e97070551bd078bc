using BenchmarkDotNet.Attributes;
using ZenWebsocket.Binance;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Benchmarks;

/// <summary>
/// End to end on loopback through <see cref="BinanceApiClient"/> against the <see cref="BinanceSimulator"/>: a WS API
/// <c>ping</c> round trip (request framing, id correlation, <c>rateLimits</c> bookkeeping), and placing then cancelling
/// a resting HMAC-signed limit order (two signed round trips plus the simulator's matching and user-data work). The
/// client's local limiter is off and the simulator's limits are raised, so round trips are measured, not throttling.
/// </summary>
public class BinanceLoopbackBenchmarks
{
    private static readonly BinanceOrderRequest s_restingBuy = new()
    {
        Symbol = "BTCUSDT",
        Side = BinanceOrderSide.Buy,
        Price = 50_000.00m,
        Quantity = 0.00100000m,
        ResponseType = BinanceOrderResponseType.Ack,
    };

    private BinanceSimulator _simulator = null!;
    private BinanceApiClient _client = null!;

    [GlobalSetup]
    public async Task StartAsync()
    {
        _simulator = await BinanceSimulator.StartAsync(new BinanceSimulatorOptions
        {
            GenerateMarketData = false,
            Api = new BinanceApiOptions
            {
                RequestWeightPerMinute = 10_000_000,
                OrdersPer10Seconds = 10_000_000,
                OrdersPerDay = 100_000_000,
                ViolationsBeforeBan = 0,
            },
        });
        _client = new BinanceApiClient(new BinanceApiClientOptions
        {
            Endpoint = _simulator.ApiUrl,
            Credentials = BinanceCredentials.Hmac(BinanceSimKeys.HmacApiKey, BinanceSimKeys.HmacSecret),
            RateLimits = null,
        });
        await _client.StartAsync();
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        await _client.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    /// <summary>One unsigned <c>ping</c> request and its <c>{"id":..,"status":200,"result":{}}</c> answer.</summary>
    [Benchmark(Baseline = true)]
    public Task Ping() => _client.PingAsync();

    /// <summary><c>order.place</c> of a limit buy below the market (it rests, ACK answer), then <c>order.cancel</c> by
    /// its order id: two signed round trips.</summary>
    [Benchmark]
    public async Task<long> PlaceAndCancel()
    {
        var placed = await _client.PlaceOrderAsync(s_restingBuy);
        var cancelled = await _client.CancelOrderAsync("BTCUSDT", placed.OrderId);
        return cancelled.OrderId;
    }
}
