using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Connection;

public sealed class ConcurrentSendTests
{
    [Fact]
    public async Task Many_concurrent_senders_are_serialised_into_whole_messages()
    {
        await using var f = await ClientFixture.ConnectedAsync();
        var payloads = Enumerable.Range(0, 200).Select(i => $"{i}:" + new string((char)('a' + (i % 26)), 500 + i)).ToArray();
        var receipts = await Task.WhenAll(payloads.Select(p => Task.Run(() => f.Client.SendTextAsync(p).AsTask()))).Within();

        Assert.All(receipts, r => Assert.Equal(receipts[0].ConnectionId, r.ConnectionId));
        var connection = await f.Server.WaitForConnectionAsync(1, Bounded.Wait);
        var seen = 0;
        await connection.ExpectMessageAsync(ZenWebsocket.Testing.MessageMatcher.Predicate(_ => ++seen >= 200, "the 200th message"), Bounded.Wait);
        Assert.Equal(payloads.Order(StringComparer.Ordinal), connection.Received.Select(m => m.Text).Order(StringComparer.Ordinal));
        Assert.Equal(200, f.Client.GetDiagnostics().MessagesSent);
    }
}
