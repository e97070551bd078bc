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

    /// <summary>A hook that starts background work (a refresh timer, say) which later calls the public API, and an
    /// OnMessage that does the same: both are legitimate, because neither runs inside the loop's command.</summary>
    private sealed class BackgroundCallerAdapter(ExchangeAdapterOptions options) : ExchangeAdapter(options)
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<RpcResponse>? FromHookWork { get; private set; }

        public TaskCompletionSource<Task<RpcResponse>> FromOnMessage { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _release.TrySetResult();

        protected override AdapterDialects CreateDialects() => new(JsonRpcDialect.Instance);

        protected override Task AuthenticateAsync(AdapterSession session, CancellationToken cancellationToken)
        {
            // Inherits the hook's execution context, as a timer created here would.
            FromHookWork = Task.Run(async () =>
            {
                await _release.Task;
                return await RequestRawAsync("public/get_time", RpcParams.None);
            });
            return Task.CompletedTask;
        }

        protected override void OnMessage(AdapterSession session, ZenMessage message) =>
            FromOnMessage.TrySetResult(RequestRawAsync("public/get_time", RpcParams.None));
    }

    [Fact]
    public async Task Work_a_hook_started_and_onmessage_may_call_the_public_api_once_the_hook_is_over()
    {
        await using var server = await MockWebSocketServer.StartAsync(new ExampleVenueServer().Options);
        await using var adapter = new BackgroundCallerAdapter(new ExchangeAdapterOptions { Endpoint = server.Url });
        await adapter.StartAsync().Within();

        adapter.Release();
        var fromHook = await adapter.FromHookWork!.Within();
        await server.Connections.Single().SendTextAsync("""{"jsonrpc":"2.0","method":"announcement","params":{}}""");
        var fromOnMessage = await (await adapter.FromOnMessage.Task.Within()).Within();

        Assert.Equal(AdapterState.Ready, adapter.State);
        Assert.False(fromHook.Result.IsEmpty);
        Assert.False(fromOnMessage.Result.IsEmpty);
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
