using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Adapters;

public sealed class ReentrantAdapterTests
{
    /// <summary>A hook that wrongly calls the adapter's public API, which waits for the loop running the hook.</summary>
    private sealed class ReentrantAdapter(ExchangeAdapterOptions options) : ExchangeAdapter(options)
    {
        protected override AdapterDialects CreateDialects() => new(JsonRpcDialect.Instance);

        protected override Task AuthenticateAsync(AdapterSession session, CancellationToken cancellationToken) =>
            RequestRawAsync("public/auth", RpcParams.None, cancellationToken: cancellationToken);
    }

    [Fact]
    public async Task A_hook_that_calls_the_public_api_fails_loudly_instead_of_deadlocking()
    {
        await using var server = await MockWebSocketServer.StartAsync(new ExampleVenueServer().Options);
        await using var adapter = new ReentrantAdapter(new ExchangeAdapterOptions { Endpoint = server.Url });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => adapter.StartAsync().Within());

        Assert.Contains("AdapterSession", error.Message, StringComparison.Ordinal);
        Assert.Equal(AdapterState.Faulted, adapter.State);
        Assert.Empty(server.Received);
    }
}
