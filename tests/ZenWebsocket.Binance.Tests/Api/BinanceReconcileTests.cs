using ZenWebsocket.Binance.Tests.Api.Fakes;
using ZenWebsocket.Binance.Tests.Support;

namespace ZenWebsocket.Binance.Tests.Api;

public sealed class BinanceReconcileTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_order_whose_answer_was_lost_with_the_connection_is_reconciled_by_its_client_order_id(bool closedGracefully)
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Ed25519(api));
        await client.StartAsync().Within();
        api.DropAfterExecuting("order.place", closedGracefully);

        var lost = await Assert.ThrowsAsync<ZenConnectionLostException>(() => client.PlaceOrderAsync(ApiKit.Limit())).Within();
        var clientOrderId = Assert.IsType<string>(lost.Data[BinanceApiClient.ClientOrderIdDataKey]);
        var reconciled = await client.ReconcileOrderAsync("BTCUSDT", clientOrderId).Within();

        Assert.True(lost.OutcomeUnknown);
        Assert.True(api.HasOrder(clientOrderId));
        Assert.NotNull(reconciled);
        Assert.Equal((clientOrderId, BinanceOrderStatus.New), (reconciled.ClientOrderId, reconciled.Status!.Value));
        Assert.True(reconciled.IsOpen);
        Assert.Equal(1, api.Received("order.place"));
    }

    [Fact]
    public async Task An_order_that_never_reached_the_exchange_reconciles_to_null()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Hmac());
        await client.StartAsync().Within();

        Assert.Null(await client.ReconcileOrderAsync("BTCUSDT", "zen-never-sent").Within());
        await Assert.ThrowsAsync<BinanceApiException>(() => client.GetOrderAsync("BTCUSDT", "zen-never-sent")).Within();
    }

    [Fact]
    public async Task A_5xx_answer_on_an_order_says_the_outcome_is_unknown_and_names_the_client_order_id()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Hmac());
        await client.StartAsync().Within();
        api.FailNext("order.place", 503, "{\"code\":-1007,\"msg\":\"Timeout waiting for response from backend server. Send status unknown; execution status unknown.\"}");

        var error = await Assert.ThrowsAsync<BinanceApiException>(() => client.PlaceOrderAsync(ApiKit.Limit("zen-5xx"))).Within();

        Assert.True(error.OutcomeUnknown);
        Assert.Equal("zen-5xx", error.Data[BinanceApiClient.ClientOrderIdDataKey]);
    }
}
