using System.Net.WebSockets;
using System.Text;

namespace ZenWebsocket.Testing.Tests;

public sealed class MessageMatcherTests
{
    private static MockFrame Text(string text) => new(1, WebSocketMessageType.Text, Encoding.UTF8.GetBytes(text), DateTimeOffset.UnixEpoch);

    private static MockFrame Binary(params byte[] data) => new(1, WebSocketMessageType.Binary, data, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Exact_matches_only_identical_text_frames()
    {
        MessageMatcher matcher = "hello";

        Assert.True(matcher.IsMatch(Text("hello")));
        Assert.False(matcher.IsMatch(Text("Hello")));
        Assert.False(matcher.IsMatch(Binary(Encoding.UTF8.GetBytes("hello"))));
        Assert.Equal("Exact(\"hello\")", matcher.ToString());
    }

    [Fact]
    public void Regex_matches_text_anywhere_unless_anchored()
    {
        Assert.True(MessageMatcher.Regex("sub.*btc").IsMatch(Text("{\"op\":\"subscribe\",\"args\":[\"btc\"]}")));
        Assert.False(MessageMatcher.Regex("^btc$").IsMatch(Text("xbtc")));
        Assert.True(MessageMatcher.Regex(new System.Text.RegularExpressions.Regex("^\\d+$")).IsMatch(Text("42")));
        Assert.Contains("sub.*btc", MessageMatcher.Regex("sub.*btc").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonSubset_matches_when_every_expected_property_is_present_recursively()
    {
        var matcher = MessageMatcher.JsonSubset("""{"method":"public/subscribe","params":{"channels":["book.BTC-PERPETUAL.raw"]}}""");

        Assert.True(matcher.IsMatch(Text("""
            {"jsonrpc":"2.0","id":7,"method":"public/subscribe","params":{"channels":["book.BTC-PERPETUAL.raw"],"extra":true}}
            """)));
        Assert.False(matcher.IsMatch(Text("""{"method":"public/subscribe","params":{"channels":["trades.BTC-PERPETUAL.raw"]}}""")));
        Assert.False(matcher.IsMatch(Text("""{"method":"public/subscribe"}""")));
    }

    [Fact]
    public void JsonSubset_compares_arrays_element_wise_and_numbers_by_value()
    {
        var matcher = MessageMatcher.JsonSubset("""{"orders":[{"id":1},{"price":2.50}],"ok":true,"none":null}""");

        Assert.True(matcher.IsMatch(Text("""{"orders":[{"id":1,"qty":3},{"id":2,"price":2.5}],"ok":true,"none":null}""")));
        Assert.False(matcher.IsMatch(Text("""{"orders":[{"id":1}],"ok":true,"none":null}""")));
        Assert.False(matcher.IsMatch(Text("""{"orders":[{"id":1},{"price":2.5}],"ok":false,"none":null}""")));
        Assert.False(matcher.IsMatch(Text("""{"orders":[{"id":"1"},{"price":2.5}],"ok":true,"none":null}""")));
    }

    [Fact]
    public void JsonSubset_never_matches_non_json_or_binary_frames()
    {
        var matcher = MessageMatcher.JsonSubset("{}");

        Assert.True(matcher.IsMatch(Text("{\"any\":1}")));
        Assert.False(matcher.IsMatch(Text("pong")));
        Assert.False(matcher.IsMatch(Text("{\"truncated\":")));
        Assert.False(matcher.IsMatch(Binary(Encoding.UTF8.GetBytes("{}"))));
        Assert.Throws<ArgumentException>(() => MessageMatcher.JsonSubset("{not json"));
    }

    [Fact]
    public void Predicate_sees_any_frame_and_describes_itself()
    {
        var matcher = MessageMatcher.Predicate(f => f.Type == WebSocketMessageType.Binary && f.Data.Length == 3, "a 3-byte binary frame");

        Assert.True(matcher.IsMatch(Binary(1, 2, 3)));
        Assert.False(matcher.IsMatch(Text("abc")));
        Assert.Equal("Predicate(a 3-byte binary frame)", matcher.ToString());
    }

    [Fact]
    public async Task ExpectMessageAsync_finds_frames_that_arrived_earlier_and_later()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var client = await Client.ConnectAsync(server.Url);
        var connection = await server.WaitForConnectionAsync(1, Client.Bound);
        await client.SendTextAsync("""{"id":1,"method":"auth"}""");
        await client.ReceiveTextAsync();

        var later = connection.ExpectMessageAsync(MessageMatcher.JsonSubset("""{"id":2}"""), Client.Bound);
        var earlier = await server.ExpectMessageAsync(MessageMatcher.JsonSubset("""{"method":"auth"}"""), Client.Bound);
        await client.SendTextAsync("""{"id":2,"method":"subscribe"}""");

        Assert.Equal(1, earlier.ConnectionId);
        Assert.Contains("subscribe", (await later).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMessageAsync_timeout_names_the_matcher_and_lists_the_last_frames()
    {
        await using var server = await MockWebSocketServer.StartAsync();
        using var client = await Client.ConnectAsync(server.Url);
        await client.SendTextAsync("first");
        await client.SendBinaryAsync([0xAB, 0xCD]);
        await server.ExpectMessageAsync(MessageMatcher.Predicate(f => f.Type == WebSocketMessageType.Binary, "binary"), Client.Bound);

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => server.ExpectMessageAsync(MessageMatcher.JsonSubset("""{"op":"login"}"""), TimeSpan.FromMilliseconds(100)));

        Assert.Contains("""JsonSubset({"op":"login"})""", error.Message, StringComparison.Ordinal);
        Assert.Contains("#1 Text \"first\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("#1 Binary 2 bytes 0xABCD", error.Message, StringComparison.Ordinal);
    }
}
