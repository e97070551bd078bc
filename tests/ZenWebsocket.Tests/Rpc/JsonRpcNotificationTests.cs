using System.Text;

namespace ZenWebsocket.Tests.Rpc;

public sealed class JsonRpcNotificationTests
{
    [Theory]
    [InlineData("""{"jsonrpc":"2.0","method":"subscription","params":{"channel":"book.BTC","data":{"bids":[[1,2]]}}}""", "book.BTC")]
    [InlineData("""{"params":{"data":{"channel":"inner"},"channel":"trades.ETH"},"method":"subscription"}""", "trades.ETH")]
    public void The_channel_of_a_subscription_notification_is_read_in_any_member_order(string json, string channel)
    {
        Assert.True(JsonRpcNotification.TryReadParamsString(Encoding.UTF8.GetBytes(json), "subscription"u8, "channel"u8, out var value));
        Assert.Equal(channel, value);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","method":"heartbeat","params":{"type":"test_request"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{"channel":"x"}}""")]
    [InlineData("""{"method":"subscription","params":{"channel":""}}""")]
    [InlineData("""{"method":"subscription","params":{"channel":42}}""")]
    [InlineData("""{"method":"subscription","params":{"chan""")]
    [InlineData("not json")]
    public void Anything_else_is_not_a_topic(string json)
    {
        Assert.False(JsonRpcNotification.TryReadParamsString(Encoding.UTF8.GetBytes(json), "subscription"u8, "channel"u8, out _));
    }

    [Fact]
    public void String_array_params_are_written_as_one_member()
    {
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
        {
            RpcParams.StringArray("channels", ["a", "b"]).WriteTo(writer);
        }

        Assert.Equal("""{"channels":["a","b"]}""", Encoding.UTF8.GetString(stream.ToArray()));
    }
}
