using ZenWebsocket.Binance.Tests.Api.Fakes;
using ZenWebsocket.Binance.Tests.Support;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Binance.Tests.Api;

/// <summary>The client against the Binance simulator: its own signature checks, timing window, limits and faults.</summary>
public sealed class BinanceApiSimulatorTests
{
    [Theory]
    [InlineData(BinanceKeyType.Hmac)]
    [InlineData(BinanceKeyType.Ed25519)]
    [InlineData(BinanceKeyType.Rsa)]
    public async Task Each_key_type_places_an_order_the_simulator_accepts(BinanceKeyType keyType)
    {
        await using var sim = await BinanceSimulator.StartAsync(new BinanceSimulatorOptions { GenerateMarketData = false });
        await using var client = Client(sim, Credentials(keyType));
        await client.StartAsync().Within();

        var order = await client.PlaceOrderAsync(ApiKit.Limit($"sim-{keyType}")).Within();

        Assert.Equal(BinanceOrderStatus.New, order.Status);
        Assert.Equal(keyType == BinanceKeyType.Ed25519, client.IsLoggedOn);
        Assert.Contains(sim.Orders("BTCUSDT"), o => o.ClientOrderId == $"sim-{keyType}" && o.Status == "NEW");
        Assert.Contains(await client.GetOpenOrdersAsync("BTCUSDT").Within(), o => o.ClientOrderId == $"sim-{keyType}");
        Assert.NotEmpty(client.LastRateLimits);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(-10)]
    public async Task A_skewed_client_clock_is_harmless_with_clock_sync_and_minus_1021_without(int skewSeconds)
    {
        await using var sim = await BinanceSimulator.StartAsync(new BinanceSimulatorOptions { GenerateMarketData = false });
        var skew = new SkewedTimeProvider(TimeSpan.FromSeconds(skewSeconds));
        await using var synced = Client(sim, Credentials(BinanceKeyType.Ed25519), o => o.TimeProvider = skew);
        await using var unsynced = Client(sim, Credentials(BinanceKeyType.Hmac), o =>
        {
            o.TimeProvider = skew;
            o.ClockSync = false;
        });
        await synced.StartAsync().Within();
        await unsynced.StartAsync().Within();

        var accepted = await synced.PlaceOrderAsync(ApiKit.Limit()).Within();
        var error = await Assert.ThrowsAsync<BinanceApiException>(() => unsynced.PlaceOrderAsync(ApiKit.Limit())).Within();

        Assert.Equal(BinanceOrderStatus.New, accepted.Status);
        Assert.True(error.IsTimestampRejected);
    }

    [Fact]
    public async Task A_key_without_trade_permission_gets_minus_2015_and_a_wrong_secret_minus_1022()
    {
        await using var sim = await BinanceSimulator.StartAsync(new BinanceSimulatorOptions { GenerateMarketData = false });
        await using var readOnly = Client(sim, BinanceCredentials.Hmac(BinanceSimKeys.ReadOnlyApiKey, BinanceSimKeys.ReadOnlySecret));
        await using var wrong = Client(sim, BinanceCredentials.Hmac(BinanceSimKeys.HmacApiKey, "wrong-secret"));
        await readOnly.StartAsync().Within();
        await wrong.StartAsync().Within();

        var refused = await Assert.ThrowsAsync<ZenAuthenticationException>(() => readOnly.PlaceOrderAsync(ApiKit.Limit())).Within();
        var badSignature = await Assert.ThrowsAsync<ZenAuthenticationException>(() => wrong.PlaceOrderAsync(ApiKit.Limit())).Within();

        Assert.Equal(BinanceErrors.RejectedApiKey, Assert.IsType<BinanceApiException>(refused.InnerException).Code);
        Assert.Equal(BinanceErrors.InvalidSignature, Assert.IsType<BinanceApiException>(badSignature.InnerException).Code);
    }

    [Fact]
    public async Task The_simulators_429_retryAfter_is_honoured_by_the_local_limiter()
    {
        await using var sim = await BinanceSimulator.StartAsync(new BinanceSimulatorOptions
        {
            GenerateMarketData = false,
            Api = new BinanceApiOptions { OrdersPer10Seconds = 2 },
        });

        // The local copy is looser than the server, and five orders go out before any answer is back, so the
        // server's refusal is what the client meets (two windows at most: four can pass, one at least is refused).
        await using var client = Client(sim, Credentials(BinanceKeyType.Hmac), o => o.RateLimits = new BinanceApiRateLimits { OrdersPer10Seconds = 100 });
        await client.StartAsync().Within();
        var attempts = Enumerable.Range(0, 5).Select(_ => client.PlaceOrderAsync(ApiKit.Limit())).ToArray();
        await Task.WhenAny(Task.WhenAll(attempts)).Within();

        var refused = attempts.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException).OfType<ZenRateLimitedException>().First();
        Assert.Equal(BinanceErrors.TooManyOrders, Assert.IsType<BinanceApiException>(refused.InnerException).Code);
        Assert.NotNull(refused.RetryAfter);
        Assert.InRange(refused.RetryAfter.Value, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        var orders = client.RateLimiter!.Rules.Single(r => r.Limiter.Name == BinanceWeights.Orders10sName).Limiter;
        Assert.True(orders.GetStatus().BlockedFor > TimeSpan.Zero || orders.GetStatus().TokensAvailable == 0);
    }

    [Fact]
    public async Task A_window_the_simulator_reports_full_makes_the_next_order_wait_locally_instead_of_being_refused()
    {
        await using var sim = await BinanceSimulator.StartAsync(new BinanceSimulatorOptions
        {
            GenerateMarketData = false,
            Api = new BinanceApiOptions { OrdersPer10Seconds = 2 },
        });
        await using var client = Client(sim, Credentials(BinanceKeyType.Hmac), o => o.RateLimits = new BinanceApiRateLimits { OrdersPer10Seconds = 100 });
        await client.StartAsync().Within();

        // Sequential: each answer's rateLimits says how full the server's window is before the next order leaves.
        for (var i = 0; i < 3; i++)
        {
            var order = await client.PlaceOrderAsync(ApiKit.Limit()).Within(TimeSpan.FromSeconds(20));
            Assert.Equal(BinanceOrderStatus.New, order.Status);
        }

        Assert.Equal(3, sim.ApiRequestsReceived("order.place"));
        Assert.Contains(client.LastRateLimits, l => l.RateLimitType == "ORDERS" && l.Limit == 2);
    }

    [Fact]
    public async Task The_user_data_stream_is_restored_after_a_dropped_connection_and_reports_fills()
    {
        await using var sim = await BinanceSimulator.StartAsync(new BinanceSimulatorOptions { GenerateMarketData = false });
        await using var client = Client(sim, Credentials(BinanceKeyType.Ed25519));
        await client.StartAsync().Within();
        await using var subscription = await client.SubscribeUserDataAsync().Within();
        await using var items = subscription.ReadAllAsync().GetAsyncEnumerator();

        sim.DropApiConnections();
        Assert.Equal(SubscriptionItemKind.Reconnecting, (await NextAsync(items)).Kind);
        Assert.Equal(SubscriptionItemKind.Restored, (await NextAsync(items)).Kind);
        var order = await client.PlaceOrderAsync(ApiKit.Limit("sim-restored")).Within();
        sim.FillOpenOrders("BTCUSDT");

        var fill = await NextReportAsync(items, r => r.ExecutionType == BinanceExecutionType.Trade);
        Assert.Equal(("sim-restored", order.OrderId, BinanceOrderStatus.Filled), (fill.ClientOrderId, fill.OrderId, fill.OrderStatus));
        Assert.Equal(2, sim.ApiRequestsReceived("session.logon"));
        Assert.Equal(2, sim.ApiRequestsReceived("userDataStream.subscribe"));
    }

    [Fact]
    public async Task An_order_executed_before_the_connection_dropped_is_reconciled_after_the_reconnect()
    {
        await using var sim = await BinanceSimulator.StartAsync(new BinanceSimulatorOptions { GenerateMarketData = false });
        await using var client = Client(sim, Credentials(BinanceKeyType.Hmac));
        await client.StartAsync().Within();
        sim.DropApiConnectionAfterExecuting("order.place");

        var lost = await Assert.ThrowsAsync<ZenConnectionLostException>(() => client.PlaceOrderAsync(ApiKit.Limit())).Within();
        var clientOrderId = (string)lost.Data[BinanceApiClient.ClientOrderIdDataKey]!;
        var reconciled = await client.ReconcileOrderAsync("BTCUSDT", clientOrderId).Within();

        Assert.True(lost.OutcomeUnknown);
        Assert.NotNull(reconciled);
        Assert.Equal(BinanceOrderStatus.New, reconciled.Status);
        Assert.Single(sim.Orders("BTCUSDT"), o => o.ClientOrderId == clientOrderId);
        Assert.Null(await client.ReconcileOrderAsync("BTCUSDT", "sim-never-sent").Within());
    }

    [Fact]
    public async Task A_shutdown_announcement_reconnects_and_logs_on_again()
    {
        await using var sim = await BinanceSimulator.StartAsync(new BinanceSimulatorOptions { GenerateMarketData = false });
        await using var client = Client(sim, Credentials(BinanceKeyType.Ed25519));
        var announced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ServerShutdownAnnounced += (_, _) => announced.TrySetResult();
        await client.StartAsync().Within();

        await sim.AnnounceShutdownAsync();
        await announced.Task.Within();
        await sim.WaitForApiRequestsAsync("session.logon", 2).Within();
        var afterShutdown = await client.PlaceOrderAsync(ApiKit.Limit()).Within();

        Assert.Equal(BinanceOrderStatus.New, afterShutdown.Status);
    }

    [Fact]
    public async Task A_key_revoked_mid_session_is_surfaced_and_stops_the_client_with_an_authentication_error()
    {
        await using var sim = await BinanceSimulator.StartAsync(new BinanceSimulatorOptions { GenerateMarketData = false });
        await using var client = Client(sim, Credentials(BinanceKeyType.Ed25519));
        var revoked = new TaskCompletionSource<ZenAuthenticationException>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.SessionRevoked += (_, e) => revoked.TrySetResult(e);
        await client.StartAsync().Within();

        sim.RevokeApiKey(BinanceSimKeys.Ed25519ApiKey);
        var pending = client.GetAccountAsync();

        Assert.Equal(BinanceErrors.RejectedApiKey, Assert.IsType<BinanceApiException>((await revoked.Task.Within()).InnerException).Code);
        await Assert.ThrowsAnyAsync<ZenWebSocketException>(() => pending).Within();
        var final = await client.Completion.Within();
        Assert.Equal(AdapterState.Faulted, final.Current);
        Assert.IsType<ZenAuthenticationException>(final.Error);
    }

    private static BinanceApiClient Client(BinanceSimulator sim, BinanceCredentials credentials, Action<BinanceApiClientOptions>? configure = null)
    {
        var options = new BinanceApiClientOptions { Endpoint = sim.ApiUrl, Credentials = credentials, Reconnect = ApiKit.FastPolicy };
        configure?.Invoke(options);
        return new BinanceApiClient(options);
    }

    private static BinanceCredentials Credentials(BinanceKeyType keyType) => keyType switch
    {
        BinanceKeyType.Hmac => BinanceCredentials.Hmac(BinanceSimKeys.HmacApiKey, BinanceSimKeys.HmacSecret),
        BinanceKeyType.Ed25519 => BinanceCredentials.Ed25519(BinanceSimKeys.Ed25519ApiKey, BinanceSimKeys.Ed25519PrivateKeyPem),
        _ => BinanceCredentials.Rsa(BinanceSimKeys.RsaApiKey, BinanceSimKeys.RsaPrivateKeyPem),
    };

    private static async Task<BinanceUserDataItem> NextAsync(IAsyncEnumerator<BinanceUserDataItem> items)
    {
        Assert.True(await items.MoveNextAsync().AsTask().Within());
        return items.Current;
    }

    private static async Task<BinanceExecutionReport> NextReportAsync(IAsyncEnumerator<BinanceUserDataItem> items, Func<BinanceExecutionReport, bool> match)
    {
        while (true)
        {
            if ((await NextAsync(items)).Event is BinanceExecutionReport report && match(report))
            {
                return report;
            }
        }
    }
}
