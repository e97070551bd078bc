using System.Text.Json;
using System.Text.Json.Serialization;
using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Rpc;

public sealed class RequestCorrelatorTests
{
    /// <summary>A JSON-RPC server: answers public/test with a version, fails private/fail, ignores public/silent.</summary>
    private static readonly MockServerOptions RpcServer = new()
    {
        Handler = async (connection, frame) =>
        {
            using var request = JsonDocument.Parse(frame.Data);
            var root = request.RootElement;
            if (!root.TryGetProperty("id", out var id) || !root.TryGetProperty("method", out var method))
            {
                return;
            }

            var reply = method.GetString() switch
            {
                "public/test" => $$$"""{"jsonrpc":"2.0","id":{{{id.GetRawText()}}},"result":{"version":"1.2.26"}}""",
                "private/fail" => $$$$"""{"jsonrpc":"2.0","id":{{{{id.GetRawText()}}}},"error":{"code":10028,"message":"too_many_requests","data":{"wait":1}}}""",
                _ => null,
            };
            if (reply is not null)
            {
                await connection.SendTextAsync(reply);
            }
        },
    };

    private static async Task<(ClientFixture Fixture, RequestCorrelator Rpc)> StartAsync(RequestCorrelatorOptions? options = null)
    {
        var fixture = await ClientFixture.ConnectedAsync(serverOptions: RpcServer);
        return (fixture, new RequestCorrelator(fixture.Client, options));
    }

    [Fact]
    public async Task A_request_returns_its_typed_result()
    {
        var (f, rpc) = await StartAsync();
        await using var _ = f;
        using var __ = rpc;
        var version = await rpc.RequestAsync("public/test", RpcParams.None, RpcJson.Default.VersionResult).Within();
        Assert.Equal("1.2.26", version.Version);
        Assert.Equal(1, rpc.GetStats().Completed);
        Assert.Equal(0, rpc.GetStats().Pending);
    }

    [Fact]
    public async Task An_exchange_error_is_a_typed_exception_with_code_message_and_data()
    {
        var (f, rpc) = await StartAsync();
        await using var _ = f;
        using var __ = rpc;
        var error = await Assert.ThrowsAsync<ZenExchangeException>(() => rpc.RequestRawAsync("private/fail", RpcParams.None).Within());
        Assert.Equal(10028, error.Code);
        Assert.Equal("too_many_requests", error.ExchangeMessage);
        Assert.Equal("""{"wait":1}""", error.ErrorData);
    }

    [Fact]
    public async Task The_error_mapper_turns_codes_into_the_right_exception()
    {
        var (f, rpc) = await StartAsync(new RequestCorrelatorOptions
        {
            ErrorMapper = e => e.Code == 10028 ? new ZenRateLimitedException(e.Message, TimeSpan.FromSeconds(1)) : new ZenExchangeException(e.Code, e.Message, e.Data),
        });
        await using var _ = f;
        using var __ = rpc;
        var error = await Assert.ThrowsAsync<ZenRateLimitedException>(() => rpc.RequestRawAsync("private/fail", RpcParams.None).Within());
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
    }

    [Fact]
    public async Task The_timeout_starts_at_the_write_and_a_late_response_is_counted_and_dropped()
    {
        var (f, rpc) = await StartAsync(new RequestCorrelatorOptions { RequestTimeout = TimeSpan.FromSeconds(5) });
        await using var _ = f;
        using var __ = rpc;
        var request = rpc.RequestRawAsync("public/silent", RpcParams.None, new RequestOptions { Id = 77 });
        await f.Server.ExpectMessageAsync(MessageMatcher.JsonSubset("""{"id":77}"""), Bounded.Wait);

        f.Time.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(1));
        Assert.False(request.IsCompleted);
        f.Time.Advance(TimeSpan.FromTicks(1));
        var timeout = await Assert.ThrowsAsync<ZenTimeoutException>(() => request.Within());
        Assert.Equal(TimeoutKind.Request, timeout.Kind);

        // The id stays reserved on this connection: reusing it is refused without sending.
        var reuse = await Assert.ThrowsAsync<InvalidOperationException>(() => rpc.RequestRawAsync("public/test", RpcParams.None, new RequestOptions { Id = 77 }));
        Assert.Contains("77", reuse.Message, StringComparison.Ordinal);

        var connection = await f.Server.WaitForConnectionAsync(1, Bounded.Wait);
        await connection.SendTextAsync("""{"jsonrpc":"2.0","id":77,"result":"late"}""");
        await f.Server.InjectAsync("marker");
        Assert.Equal("marker", await f.NextTextAsync());
        var stats = rpc.GetStats();
        Assert.Equal(1, stats.Late);
        Assert.Equal(1, stats.TimedOut);
        Assert.Equal(0, stats.Unmatched);
        Assert.Single(f.Server.Received, m => m.Text.Contains("\"id\":77", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_duplicate_live_id_is_refused_without_sending_and_the_first_still_resolves()
    {
        var (f, rpc) = await StartAsync();
        await using var _ = f;
        using var __ = rpc;
        f.Server.SetHandler((_, _) => ValueTask.CompletedTask);
        var first = rpc.RequestRawAsync("public/test", RpcParams.None, new RequestOptions { Id = 5 });
        await f.Server.ExpectMessageAsync(MessageMatcher.JsonSubset("""{"id":5}"""), Bounded.Wait);

        await Assert.ThrowsAsync<InvalidOperationException>(() => rpc.RequestRawAsync("public/test", RpcParams.None, new RequestOptions { Id = 5 }));
        var connection = await f.Server.WaitForConnectionAsync(1, Bounded.Wait);
        await connection.SendTextAsync("""{"jsonrpc":"2.0","id":5,"result":1}""");
        Assert.Equal("1", System.Text.Encoding.UTF8.GetString((await first.Within()).Result.Span));
        Assert.Single(f.Server.Received);
    }

    [Fact]
    public async Task Caller_cancellation_removes_the_pending_entry()
    {
        var (f, rpc) = await StartAsync();
        await using var _ = f;
        using var __ = rpc;
        using var cts = new CancellationTokenSource();
        var request = rpc.RequestRawAsync("public/silent", RpcParams.None, cancellationToken: cts.Token);
        await f.Server.ExpectMessageAsync(MessageMatcher.JsonSubset("""{"method":"public/silent"}"""), Bounded.Wait);
        Assert.Equal(1, rpc.GetStats().Pending);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request.Within());
        Assert.Equal(0, rpc.GetStats().Pending);
    }

    [Fact]
    public async Task A_disconnect_fails_pending_requests_at_once_saying_whether_the_outcome_is_unknown()
    {
        var (f, rpc) = await StartAsync();
        await using var _ = f;
        using var __ = rpc;
        var order = rpc.RequestRawAsync("private/buy", RpcParams.None);
        var query = rpc.RequestRawAsync("public/silent", RpcParams.None, new RequestOptions { Idempotent = true });
        await f.Server.ExpectMessageAsync(MessageMatcher.JsonSubset("""{"method":"private/buy"}"""), Bounded.Wait);
        await f.Server.ExpectMessageAsync(MessageMatcher.JsonSubset("""{"method":"public/silent"}"""), Bounded.Wait);

        // The fake clock never moves: only the disconnect can end these requests.
        await f.Server.DisconnectAllAsync(DisconnectMode.Abort);
        var lostOrder = await Assert.ThrowsAsync<ZenConnectionLostException>(() => order.Within());
        var lostQuery = await Assert.ThrowsAsync<ZenConnectionLostException>(() => query.Within());

        Assert.Equal(RequestWriteState.Written, lostOrder.WriteState);
        Assert.True(lostOrder.OutcomeUnknown);
        Assert.False(lostOrder.IsTransient);
        Assert.Contains("Reconcile", lostOrder.Explain(), StringComparison.Ordinal);
        Assert.False(lostQuery.OutcomeUnknown);
        Assert.True(lostQuery.IsTransient);
        Assert.Equal(2, rpc.GetStats().ConnectionLost);
    }

    [Fact]
    public async Task A_reused_id_after_reconnect_is_not_timed_out_by_the_old_timer()
    {
        // 4.7 #5.
        var (f, rpc) = await StartAsync(new RequestCorrelatorOptions { RequestTimeout = TimeSpan.FromSeconds(10) });
        await using var _ = f;
        using var __ = rpc;
        f.Server.SetHandler((_, _) => ValueTask.CompletedTask);
        var first = rpc.RequestRawAsync("public/silent", RpcParams.None, new RequestOptions { Id = 9 });
        await f.Server.ExpectMessageAsync(MessageMatcher.JsonSubset("""{"id":9}"""), Bounded.Wait);
        await f.Server.DisconnectAllAsync(DisconnectMode.Abort);
        await Assert.ThrowsAsync<ZenConnectionLostException>(() => first.Within());
        await f.States.WaitAsync(c => c.Current == ConnectionState.Connected && c.ConnectionId > 1);

        f.Time.Advance(TimeSpan.FromSeconds(5));
        var second = rpc.RequestRawAsync("public/silent", RpcParams.None, new RequestOptions { Id = 9 });
        var connection = await f.Server.WaitForConnectionAsync(2, Bounded.Wait);
        await connection.ExpectMessageAsync(MessageMatcher.JsonSubset("""{"id":9}"""), Bounded.Wait);
        f.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted);

        await connection.SendTextAsync("""{"jsonrpc":"2.0","id":9,"result":"fresh"}""");
        Assert.Equal("\"fresh\"", System.Text.Encoding.UTF8.GetString((await second.Within()).Result.Span));
    }

    [Fact]
    public async Task Unmatched_responses_are_counted_and_observable_and_notifications_pass_through()
    {
        var (f, rpc) = await StartAsync();
        await using var _ = f;
        using var __ = rpc;
        await f.Server.InjectAsync("""{"jsonrpc":"2.0","id":12345,"result":true}""");
        await f.Server.InjectAsync("""{"jsonrpc":"2.0","method":"subscription","params":{"channel":"x","data":1}}""");

        Assert.Contains("subscription", await f.NextTextAsync(), StringComparison.Ordinal);
        await using var unmatched = rpc.ReadUnmatchedAsync().GetAsyncEnumerator();
        Assert.True(await unmatched.MoveNextAsync().Within());
        Assert.Equal(12345, unmatched.Current.Id);
        Assert.Equal(1, rpc.GetStats().Unmatched);
    }

    [Fact]
    public async Task A_request_while_disconnected_fails_without_being_written()
    {
        await using var f = await ClientFixture.CreateAsync(serverOptions: RpcServer);
        using var rpc = new RequestCorrelator(f.Client);
        var error = await Assert.ThrowsAsync<ZenSendException>(() => rpc.RequestRawAsync("private/buy", RpcParams.None));
        Assert.Equal(SendFailure.NotConnected, error.Failure);
        Assert.Equal(0, rpc.GetStats().Pending);
    }

    [Fact]
    public async Task The_id_status_dialect_correlates_binance_style_responses()
    {
        await using var f = await ClientFixture.ConnectedAsync(serverOptions: new MockServerOptions
        {
            Handler = async (connection, frame) =>
            {
                using var request = JsonDocument.Parse(frame.Data);
                var id = request.RootElement.GetProperty("id").GetInt64();
                await connection.SendTextAsync(request.RootElement.GetProperty("method").GetString() == "time"
                    ? $$$"""{"id":{{{id}}},"status":200,"result":{"serverTime":1700000000000},"rateLimits":[]}"""
                    : $$$"""{"id":{{{id}}},"status":400,"error":{"code":-1102,"msg":"Mandatory parameter"}}""");
            },
        });
        using var rpc = new RequestCorrelator(f.Client, new RequestCorrelatorOptions { Dialect = IdStatusDialect.Instance });
        var time = await rpc.RequestAsync("time", RpcParams.None, RpcJson.Default.ServerTime).Within();
        Assert.Equal(1700000000000, time.ServerTime);
        var error = await Assert.ThrowsAsync<ZenExchangeException>(() => rpc.RequestRawAsync("order.place", RpcParams.None).Within());
        Assert.Equal(-1102, error.Code);
    }
}

public sealed record VersionResult([property: JsonPropertyName("version")] string Version);

public sealed record ServerTimeResult([property: JsonPropertyName("serverTime")] long ServerTime);

[JsonSerializable(typeof(VersionResult))]
[JsonSerializable(typeof(ServerTimeResult), TypeInfoPropertyName = "ServerTime")]
public sealed partial class RpcJson : JsonSerializerContext;
