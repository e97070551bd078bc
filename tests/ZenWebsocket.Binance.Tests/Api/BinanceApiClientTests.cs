using ZenWebsocket.Binance.Tests.Api.Fakes;
using ZenWebsocket.Binance.Tests.Support;

namespace ZenWebsocket.Binance.Tests.Api;

public sealed class BinanceApiClientTests
{
    [Fact]
    public async Task An_HMAC_key_signs_each_order_and_the_server_accepts_the_signature()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Hmac());
        await client.StartAsync().Within();

        var order = await client.PlaceOrderAsync(ApiKit.Limit("hmac-1")).Within();

        Assert.Equal(("hmac-1", BinanceOrderStatus.New, 50000.00m), (order.ClientOrderId, order.Status!.Value, order.Price!.Value));
        Assert.False(client.IsLoggedOn);
        var sent = api.Requests.Single(r => r.Method == "order.place").Params;
        Assert.Equal(FakeBinanceApi.HmacApiKey, sent.GetProperty("apiKey").GetString());
        Assert.Equal("50000.00", sent.GetProperty("price").GetString());
        Assert.Equal("GTC", sent.GetProperty("timeInForce").GetString());
        Assert.Equal(5000, sent.GetProperty("recvWindow").GetInt64());
    }

    [Fact]
    public async Task An_Ed25519_key_logs_the_session_on_and_later_requests_carry_only_a_timestamp()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Ed25519(api));
        await client.StartAsync().Within();

        var order = await client.PlaceOrderAsync(ApiKit.Limit()).Within();
        var status = await client.GetSessionStatusAsync().Within();

        Assert.True(client.IsLoggedOn);
        Assert.Equal(FakeBinanceApi.Ed25519ApiKey, status.ApiKey);
        Assert.StartsWith("zen-", order.ClientOrderId, StringComparison.Ordinal);
        var sent = api.Requests.Single(r => r.Method == "order.place").Params;
        Assert.False(sent.TryGetProperty("signature", out _));
        Assert.False(sent.TryGetProperty("apiKey", out _));
        Assert.True(sent.TryGetProperty("timestamp", out _));
    }

    [Fact]
    public async Task A_wrong_HMAC_secret_surfaces_as_an_authentication_error_carrying_minus_1022()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, BinanceCredentials.Hmac(FakeBinanceApi.HmacApiKey, "not-the-secret"));
        await client.StartAsync().Within();

        var error = await Assert.ThrowsAsync<ZenAuthenticationException>(() => client.PlaceOrderAsync(ApiKit.Limit())).Within();

        Assert.Equal(BinanceErrors.InvalidSignature, Assert.IsType<BinanceApiException>(error.InnerException).Code);
        Assert.Equal(AdapterState.Ready, client.State);
    }

    [Fact]
    public async Task A_key_without_trade_permission_surfaces_minus_2015_on_the_order()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, BinanceCredentials.Hmac(FakeBinanceApi.ReadOnlyApiKey, FakeBinanceApi.ReadOnlySecret));
        await client.StartAsync().Within();

        var error = await Assert.ThrowsAsync<ZenAuthenticationException>(() => client.PlaceOrderAsync(ApiKit.Limit())).Within();

        Assert.Equal(BinanceErrors.RejectedApiKey, Assert.IsType<BinanceApiException>(error.InnerException).Code);
        Assert.Contains("Invalid API-key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_logon_stops_the_client_instead_of_reconnecting_in_a_loop()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        api.Revoke(FakeBinanceApi.Ed25519ApiKey);
        await using var client = ApiKit.Client(api, ApiKit.Ed25519(api));

        var error = await Assert.ThrowsAsync<ZenAuthenticationException>(() => client.StartAsync()).Within();

        Assert.Equal(BinanceErrors.RejectedApiKey, Assert.IsType<BinanceApiException>(error.InnerException).Code);
        Assert.Equal(AdapterState.Faulted, client.State);
        Assert.Equal(1, api.Received("session.logon"));
    }

    [Fact]
    public async Task An_order_rejection_is_a_typed_error_with_code_and_message()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Hmac());
        await client.StartAsync().Within();
        api.FailNext("order.place", 400, "{\"code\":-2010,\"msg\":\"Account has insufficient balance for requested action.\"}");

        var error = await Assert.ThrowsAsync<BinanceApiException>(() => client.PlaceOrderAsync(ApiKit.Limit())).Within();

        Assert.Equal((-2010L, "NEW_ORDER_REJECTED", 400), (error.Code, error.CodeName, error.Status!.Value));
        Assert.Equal("Account has insufficient balance for requested action.", error.ExchangeMessage);
        Assert.False(error.OutcomeUnknown);
    }

    [Fact]
    public async Task The_account_is_read_and_each_response_updates_the_last_rateLimits()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Hmac());
        await client.StartAsync().Within();

        var account = await client.GetAccountAsync().Within();
        var before = client.LastRateLimits.Single().Count;
        await client.PingAsync().Within();

        Assert.True(account.CanTrade);
        Assert.Equal(10000m, account.GetBalance("USDT")!.Free);
        Assert.Equal("REQUEST_WEIGHT", client.LastRateLimits.Single().RateLimitType);
        Assert.Equal(before + 1, client.LastRateLimits.Single().Count);
    }

    [Fact]
    public async Task Public_methods_work_without_credentials_and_signed_ones_say_what_is_missing()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, credentials: null);
        await client.StartAsync().Within();

        var serverTime = await client.GetServerTimeAsync().Within();

        Assert.InRange(serverTime, TimeProvider.System.GetUtcNow().AddMinutes(-1), TimeProvider.System.GetUtcNow().AddMinutes(1));
        Assert.Contains("Credentials", Assert.Throws<InvalidOperationException>(() => { _ = client.GetAccountAsync(); }).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SubscribeUserDataAsync());
    }

    [Theory]
    [InlineData(BinanceOrderType.Limit, null, 1.0, "Price")]
    [InlineData(BinanceOrderType.Market, null, null, "exactly one")]
    [InlineData(BinanceOrderType.StopLoss, null, 1.0, "StopPrice")]
    public async Task An_order_missing_what_its_type_needs_is_refused_before_sending(BinanceOrderType type, double? price, double? quantity, string named)
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Hmac());
        var request = new BinanceOrderRequest
        {
            Symbol = "BTCUSDT",
            Side = BinanceOrderSide.Sell,
            Type = type,
            Price = (decimal?)price,
            Quantity = (decimal?)quantity,
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.PlaceOrderAsync(request));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, api.Received("order.place"));
    }

    [Fact]
    public async Task A_revoked_session_is_surfaced_as_an_event_and_the_connection_logs_on_afresh()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Ed25519(api));
        var revoked = new TaskCompletionSource<ZenAuthenticationException>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.SessionRevoked += (_, e) => revoked.TrySetResult(e);
        await client.StartAsync().Within();

        await api.Server.InjectAsync("{\"id\":null,\"status\":401,\"error\":{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}}");
        var error = await revoked.Task.Within();

        Assert.Equal(-2015, Assert.IsType<BinanceApiException>(error.InnerException).Code);
        Assert.Same(error, client.LastSessionRevocation);

        // The key is still good on this fake: the new connection logs on again and trading goes on.
        await api.WaitForAsync("session.logon", 2);
        Assert.Equal(BinanceOrderStatus.New, (await client.PlaceOrderAsync(ApiKit.Limit()).Within()).Status);
        Assert.True(client.IsLoggedOn);
    }

    [Fact]
    public async Task A_server_shutdown_announcement_makes_the_client_reconnect_at_once()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Ed25519(api));
        var announced = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task? fromHandler = null;
        client.ServerShutdownAnnounced += (_, at) =>
        {
            // A handler may use the client (it is not taken for a hook); a query racing the close may be lost, safely.
            fromHandler = client.GetServerTimeAsync();
            announced.TrySetResult(at);
        };
        await client.StartAsync().Within();

        await api.Server.InjectAsync("{\"event\":{\"e\":\"serverShutdown\",\"E\":1770123456789}}");

        Assert.Equal(1770123456789, (await announced.Task.Within()).ToUnixTimeMilliseconds());
        var handlerError = await Record.ExceptionAsync(() => fromHandler!.Within());
        Assert.True(handlerError is null or ZenConnectionLostException { OutcomeUnknown: false }, handlerError?.ToString());
        await api.WaitForAsync("session.logon", 2);
        await api.Server.WaitForHandshakesAsync(2, Bounded.Wait);
        var order = await client.PlaceOrderAsync(ApiKit.Limit()).Within();
        Assert.Equal(BinanceOrderStatus.New, order.Status);
        Assert.Equal(1, client.GetDiagnostics().Reconnects);
    }
}
