using System.Net.WebSockets;
using System.Text;

namespace ZenWebsocket.Deribit.Tests;

public sealed class DeribitSubscriptionDialectTests
{
    private static ZenMessage Text(string json) => new(WebSocketMessageType.Text, Encoding.UTF8.GetBytes(json), 1, 0);

    [Fact]
    public void Notifications_are_routed_by_params_channel_in_any_member_order()
    {
        var dialect = DeribitSubscriptionDialect.Instance;
        Assert.True(dialect.TryGetTopic(Text("""{"jsonrpc":"2.0","method":"subscription","params":{"channel":"ticker.BTC-PERPETUAL.100ms","data":{"channel":"x"}}}"""), out var topic));
        Assert.Equal("ticker.BTC-PERPETUAL.100ms", topic);
        Assert.True(dialect.TryGetTopic(Text("""{"params":{"data":[1,2],"channel":"trades.BTC-PERPETUAL.raw"},"method":"subscription"}"""), out topic));
        Assert.Equal("trades.BTC-PERPETUAL.raw", topic);
        Assert.False(dialect.TryGetTopic(Text("""{"jsonrpc":"2.0","method":"heartbeat","params":{"type":"test_request"}}"""), out _));
        Assert.False(dialect.TryGetTopic(Text("""{"jsonrpc":"2.0","id":1,"result":["ticker.BTC-PERPETUAL.100ms"]}"""), out _));
        Assert.False(dialect.TryGetTopic(Text("""{"method":"subscription","params":"""), out _));
    }

    [Fact]
    public void Public_and_private_channels_go_to_their_methods_and_only_listed_channels_are_confirmed()
    {
        var dialect = DeribitSubscriptionDialect.Instance;
        var requests = dialect.BuildSubscribe(["ticker.BTC-PERPETUAL.100ms", "user.orders.any.any.raw", "book.BTC-PERPETUAL.100ms"]);

        Assert.Equal(["public/subscribe", "private/subscribe"], requests.Select(r => r.Method));
        Assert.Equal("private/unsubscribe", Assert.Single(dialect.BuildUnsubscribe(["user.portfolio.btc"])).Method);
        var confirmed = dialect.ReadConfirmed(Encoding.UTF8.GetBytes("""["ticker.BTC-PERPETUAL.100ms"]"""), ["ticker.BTC-PERPETUAL.100ms", "book.BTC-PERPETUAL.100ms"]);
        Assert.Equal(["ticker.BTC-PERPETUAL.100ms"], confirmed);
    }
}
