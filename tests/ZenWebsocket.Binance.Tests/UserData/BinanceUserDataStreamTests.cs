using ZenWebsocket.Binance.Tests.Api.Fakes;
using ZenWebsocket.Binance.Tests.Support;
using ZenWebsocket.Testing;

namespace ZenWebsocket.Binance.Tests.UserData;

public sealed class BinanceUserDataStreamTests
{
    private const string Execution = """{"e":"executionReport","E":1,"s":"BTCUSDT","c":"zen-1","S":"BUY","o":"LIMIT","f":"GTC","q":"1.0","p":"50000.00","P":"0","x":"NEW","X":"NEW","r":"NONE","i":7,"l":"0","z":"0","L":"0","n":"0","N":null,"T":1,"t":-1,"w":true,"m":false,"O":1,"Z":"0","W":1}""";

    [Fact]
    public async Task A_logged_on_session_subscribes_plainly_and_events_arrive_typed()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Ed25519(api));
        await client.StartAsync().Within();
        await using var subscription = await client.SubscribeUserDataAsync().Within();
        await using var items = subscription.ReadAllAsync().GetAsyncEnumerator();

        await api.PushUserEventAsync(Execution);
        var item = await NextAsync(items);

        var report = Assert.IsType<BinanceExecutionReport>(item.Event);
        Assert.Equal(("zen-1", BinanceExecutionType.New, 7L), (report.ClientOrderId, report.ExecutionType, report.OrderId));
        Assert.Equal(1, api.Received("userDataStream.subscribe"));
        Assert.Equal(0, api.Received("userDataStream.subscribe.signature"));
    }

    [Fact]
    public async Task An_HMAC_key_subscribes_with_a_signed_request()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Hmac());
        await client.StartAsync().Within();
        await using var subscription = await client.SubscribeUserDataAsync().Within();
        await using var items = subscription.ReadAllAsync().GetAsyncEnumerator();

        await api.PushUserEventAsync("""{"e":"balanceUpdate","E":2,"a":"USDT","d":"100.00","T":3}""");

        Assert.Equal(100.00m, Assert.IsType<BinanceBalanceUpdate>((await NextAsync(items)).Event).Delta);
        Assert.Equal(1, api.Received("userDataStream.subscribe.signature"));
        Assert.Equal(0, api.Received("userDataStream.subscribe"));
    }

    [Fact]
    public async Task After_a_reconnect_an_HMAC_key_resubscribes_with_a_fresh_signature()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Hmac());
        await client.StartAsync().Within();
        await using var subscription = await client.SubscribeUserDataAsync().Within();
        await using var items = subscription.ReadAllAsync().GetAsyncEnumerator();

        await api.Server.DisconnectAllAsync(DisconnectMode.Abort);
        Assert.Equal(SubscriptionItemKind.Reconnecting, (await NextAsync(items)).Kind);
        Assert.Equal(SubscriptionItemKind.Restored, (await NextAsync(items)).Kind);
        await api.PushUserEventAsync(Execution);

        Assert.IsType<BinanceExecutionReport>((await NextAsync(items)).Event);
        var signatures = api.Requests.Where(r => r.Method == "userDataStream.subscribe.signature").Select(r => r.Params.GetProperty("signature").GetString()).ToArray();
        Assert.Equal(2, signatures.Length);
        Assert.NotEqual(signatures[0], signatures[1]);
        Assert.Equal(0, api.Received("session.logon"));
    }

    [Fact]
    public async Task After_a_reconnect_the_session_logs_on_again_before_the_user_data_stream_is_restored_with_markers()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Ed25519(api));
        await client.StartAsync().Within();
        await using var subscription = await client.SubscribeUserDataAsync().Within();
        await using var items = subscription.ReadAllAsync().GetAsyncEnumerator();

        await api.Server.DisconnectAllAsync(DisconnectMode.Abort);
        Assert.Equal(SubscriptionItemKind.Reconnecting, (await NextAsync(items)).Kind);
        Assert.Equal(SubscriptionItemKind.Restored, (await NextAsync(items)).Kind);
        await api.PushUserEventAsync(Execution);
        var after = await NextAsync(items);

        Assert.IsType<BinanceExecutionReport>(after.Event);
        var order = api.Requests.Select(r => r.Method).Where(m => m is "session.logon" or "userDataStream.subscribe").ToArray();
        Assert.Equal(new[] { "session.logon", "userDataStream.subscribe", "session.logon", "userDataStream.subscribe" }, order);
    }

    [Fact]
    public async Task Disposing_the_subscription_unsubscribes()
    {
        await using var api = await FakeBinanceApi.StartAsync();
        await using var client = ApiKit.Client(api, ApiKit.Ed25519(api));
        await client.StartAsync().Within();
        var subscription = await client.SubscribeUserDataAsync().Within();

        await subscription.DisposeAsync();

        await api.WaitForAsync("userDataStream.unsubscribe", 1);
        var sent = api.Requests.Single(r => r.Method == "userDataStream.unsubscribe").Params;
        Assert.Equal(0, sent.GetProperty("subscriptionId").GetInt64());
    }

    private static async Task<BinanceUserDataItem> NextAsync(IAsyncEnumerator<BinanceUserDataItem> items)
    {
        Assert.True(await items.MoveNextAsync().AsTask().Within());
        return items.Current;
    }
}
