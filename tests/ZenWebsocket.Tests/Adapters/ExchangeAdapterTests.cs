using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Adapters;

public sealed class ExchangeAdapterTests
{
    private static readonly AdapterStep[] s_orderedPath = [AdapterStep.Connect, AdapterStep.Authenticate, AdapterStep.RestoreSubscriptions, AdapterStep.Resume];

    private static async Task<SubscriptionItem> NextAsync(IAsyncEnumerator<SubscriptionItem> items)
    {
        Assert.True(await items.MoveNextAsync().AsTask().Within());
        return items.Current;
    }

    /// <summary>Asserts auth first, then the restore's subscribes (in any order), then the resume calls.</summary>
    private static void AssertOrderedPath(IReadOnlyList<string> calls, params string[] restored)
    {
        Assert.True(calls.Count >= 3 + restored.Length, "Calls: " + string.Join(", ", calls));
        Assert.Equal("public/auth", calls[0]);
        Assert.Equal(restored.Order(StringComparer.Ordinal), calls.Skip(1).Take(restored.Length).Order(StringComparer.Ordinal));
        Assert.Equal("private/enable_cancel_on_disconnect", calls[1 + restored.Length]);
        Assert.Equal("private/get_open_orders", calls[2 + restored.Length]);
    }

    private static void AssertSteps(IEnumerable<AdapterStepCompleted> steps, bool isReconnect)
    {
        var path = steps.Where(s => s.IsReconnect == isReconnect).ToArray();
        Assert.Equal(s_orderedPath, path.Select(s => s.Step));
        Assert.All(path, s => Assert.True(s.Succeeded, s.ToString()));
    }

    [Fact]
    public async Task The_first_start_authenticates_before_it_subscribes_then_resumes()
    {
        await using var kit = await AdapterTestKit.CreateAsync();

        // Subscribed before the start: the private channel is only accepted on an authenticated connection.
        await using var orders = await kit.Adapter.SubscribeAsync("user.orders").Within();
        Assert.Equal(SubscriptionState.Restoring, orders.State);
        await kit.Adapter.StartAsync().Within();

        Assert.Equal(AdapterState.Ready, kit.Adapter.State);
        var connection = await kit.Server.WaitForConnectionAsync(1, Bounded.Wait);
        AssertOrderedPath(kit.Calls(connection.Id), "private/subscribe[user.orders]");
        Assert.Equal(SubscriptionState.Active, orders.State);
        Assert.Equal(2, kit.Adapter.OpenOrders);

        await kit.Events.WaitAsync<AdapterStepCompleted>(s => s.Step == AdapterStep.Resume);
        AssertSteps(kit.Events.Steps, isReconnect: false);
        Assert.All(kit.Events.Steps, s => Assert.Equal(1, s.Attempt));

        var diagnostics = kit.Adapter.GetDiagnostics();
        Assert.True(diagnostics.IsHealthy);
        Assert.Null(diagnostics.CurrentStep);
        Assert.Equal(1, diagnostics.Subscriptions);
        Assert.Equal(0, diagnostics.Reconnects);
        Assert.NotNull(diagnostics.ConnectedSince);
        Assert.Equal(s_orderedPath, diagnostics.StepTimes.Keys.Order());
        Assert.Equal(1_700_000_000_000, await kit.Adapter.GetTimeAsync().Within());
    }

    [Fact]
    public async Task After_a_drop_it_reconnects_authenticates_restores_and_resumes_in_order_and_streams_go_on_with_markers()
    {
        await using var kit = await AdapterTestKit.CreateAsync();
        await using var orders = await kit.Adapter.SubscribeAsync("user.orders").Within();
        await kit.Adapter.StartAsync().Within();
        await using var ticker = await kit.Adapter.SubscribeAsync("ticker.BTC").Within();
        Assert.Equal(SubscriptionState.Active, ticker.State);
        await using var items = ticker.ReadAllAsync().GetAsyncEnumerator();
        await kit.Server.InjectAsync(ExampleVenueServer.Notification("ticker.BTC", 1));
        Assert.Contains("\"v\":1", (await NextAsync(items)).Message.Text, StringComparison.Ordinal);

        await kit.Server.DisconnectAllAsync(DisconnectMode.Abort);

        var lost = await kit.Events.WaitForStateAsync(AdapterState.Reconnecting);
        Assert.Equal(AdapterState.Ready, lost.Previous);
        Assert.Equal(TimeSpan.Zero, lost.NextDelay);
        var ready = await kit.Events.WaitForStateAsync(AdapterState.Ready);
        Assert.Equal(AdapterState.Reconnecting, ready.Previous);

        // On the wire: the new connection saw auth, then both topics restored, then the resume calls.
        var second = await kit.Server.WaitForConnectionAsync(2, Bounded.Wait);
        AssertOrderedPath(kit.Calls(second.Id), "public/subscribe[ticker.BTC]", "private/subscribe[user.orders]");

        // In the events: the same four steps, in the same order, for the reconnect.
        AssertSteps(kit.Events.Steps, isReconnect: true);

        // In the stream: the hole is marked where it happened, then data resumes.
        Assert.Equal(SubscriptionItemKind.Reconnecting, (await NextAsync(items)).Kind);
        Assert.Equal(SubscriptionItemKind.Restored, (await NextAsync(items)).Kind);
        await kit.Server.InjectAsync(ExampleVenueServer.Notification("ticker.BTC", 2));
        Assert.Contains("\"v\":2", (await NextAsync(items)).Message.Text, StringComparison.Ordinal);

        var diagnostics = kit.Adapter.GetDiagnostics();
        Assert.Equal(1, diagnostics.Reconnects);
        Assert.Equal(2, diagnostics.Subscriptions);
        Assert.True(diagnostics.IsHealthy);
    }

    [Fact]
    public async Task A_refused_authentication_at_start_stops_with_the_error_and_never_retries()
    {
        await using var kit = await AdapterTestKit.CreateAsync(o => o.Reconnect = AdapterTestKit.Policy with { RetryInitialConnect = true });
        kit.Venue.RevokeCredentials();

        var error = await Assert.ThrowsAsync<ZenAuthenticationException>(() => kit.Adapter.StartAsync().Within());

        Assert.Equal(AdapterState.Faulted, kit.Adapter.State);
        var final = await kit.Adapter.Completion.Within();
        Assert.Same(error, final.Error);
        Assert.Same(error, kit.Adapter.GetDiagnostics().LastError);
        kit.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, kit.Server.HandshakeCount);
        Assert.DoesNotContain(kit.Events.States, s => s.Current == AdapterState.Reconnecting || s.NextDelay is not null);
        var refused = await Assert.ThrowsAsync<ZenSendException>(() => kit.Adapter.GetTimeAsync().Within());
        Assert.Same(error, refused.InnerException);
    }

    [Fact]
    public async Task A_refused_authentication_after_a_drop_stops_instead_of_looping_and_ends_the_streams()
    {
        await using var kit = await AdapterTestKit.CreateAsync();
        await kit.Adapter.StartAsync().Within();
        await using var ticker = await kit.Adapter.SubscribeAsync("ticker.BTC").Within();
        kit.Venue.RevokeCredentials();

        await kit.Server.DisconnectAllAsync(DisconnectMode.Abort);

        var final = await kit.Adapter.Completion.Within();
        Assert.Equal(AdapterState.Faulted, final.Current);
        Assert.IsType<ZenAuthenticationException>(final.Error);
        var failedStep = Assert.Single(kit.Events.Steps, s => !s.Succeeded);
        Assert.Equal(AdapterStep.Authenticate, failedStep.Step);
        kit.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(2, kit.Server.HandshakeCount);

        var items = new List<SubscriptionItem>();
        await foreach (var item in ticker.ReadAllAsync().WithCancellation(CancellationToken.None))
        {
            items.Add(item);
        }

        Assert.Equal([SubscriptionItemKind.Reconnecting, SubscriptionItemKind.Failed], items.Select(i => i.Kind));
    }

    [Fact]
    public async Task A_failing_resume_closes_that_connection_and_backs_off_with_the_policy_delays()
    {
        await using var kit = await AdapterTestKit.CreateAsync();
        await kit.Adapter.StartAsync().Within();
        kit.Venue.FailNextResumes(3);

        await kit.Server.DisconnectAllAsync(DisconnectMode.Abort);

        // Attempt 1 goes out at once; each failed resume costs the next backoff delay: 1 s, 2 s, 4 s.
        Assert.Equal(TimeSpan.Zero, (await kit.Events.WaitAsync<AdapterStateChanged>(s => s.Current == AdapterState.Reconnecting && s.Attempt == 1)).NextDelay);
        foreach (var (attempt, seconds) in new[] { (2, 1), (3, 2), (4, 4) })
        {
            var backoff = await kit.Events.WaitAsync<AdapterStateChanged>(s => s.Current == AdapterState.Reconnecting && s.Attempt == attempt);
            Assert.Equal(TimeSpan.FromSeconds(seconds), backoff.NextDelay);
            Assert.IsType<ZenRateLimitedException>(backoff.Error);
            Assert.Equal(attempt, kit.Server.HandshakeCount);
            kit.Time.Advance(TimeSpan.FromSeconds(seconds));
        }

        var ready = await kit.Events.WaitForStateAsync(AdapterState.Ready);
        Assert.Equal(4, ready.Attempt);
        Assert.Equal(5, kit.Server.HandshakeCount);

        // Every attempt ran the path in order up to the failing resume; each failed connection was closed.
        var reconnectSteps = kit.Events.Steps.Where(s => s.IsReconnect).ToArray();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var steps = reconnectSteps.Where(s => s.Attempt == attempt).ToArray();
            Assert.Equal(s_orderedPath, steps.Select(s => s.Step));
            Assert.Equal(attempt < 4, !steps[^1].Succeeded);
        }

        for (var number = 2; number <= 4; number++)
        {
            await (await kit.Server.WaitForConnectionAsync(number, Bounded.Wait)).Closed.Within();
        }

        Assert.Equal(1, kit.Adapter.GetDiagnostics().Reconnects);
    }

    [Fact]
    public async Task A_refused_handshake_s_retry_after_is_honoured()
    {
        await using var kit = await AdapterTestKit.CreateAsync();
        await kit.Adapter.StartAsync().Within();
        kit.Server.RefuseHandshakes(429, new Dictionary<string, string> { ["Retry-After"] = "5" }, count: 1);

        await kit.Server.DisconnectAllAsync(DisconnectMode.Abort);

        var backoff = await kit.Events.WaitAsync<AdapterStateChanged>(s => s.Current == AdapterState.Reconnecting && s.Attempt == 2);
        Assert.Equal(TimeSpan.FromSeconds(5), backoff.NextDelay);
        Assert.IsType<ZenHandshakeException>(backoff.Error);
        var failed = Assert.Single(kit.Events.Steps, s => !s.Succeeded);
        Assert.Equal(AdapterStep.Connect, failed.Step);
        kit.Time.Advance(TimeSpan.FromSeconds(5));
        await kit.Events.WaitForStateAsync(AdapterState.Ready);
    }

    [Fact]
    public async Task Calls_made_during_a_reconnect_wait_for_the_restore_and_go_out_after_it_in_order()
    {
        await using var kit = await AdapterTestKit.CreateAsync();
        await kit.Adapter.StartAsync().Within();
        await using var ticker = await kit.Adapter.SubscribeAsync("ticker.BTC").Within();
        var gate = kit.Venue.HoldAuthentication();

        await kit.Server.DisconnectAllAsync(DisconnectMode.Abort);
        var second = await kit.Server.WaitForConnectionAsync(2, Bounded.Wait);
        await second.ExpectMessageAsync(MessageMatcher.JsonSubset("""{"method":"public/auth"}"""), Bounded.Wait);
        Assert.Equal(AdapterStep.Authenticate, kit.Adapter.GetDiagnostics().CurrentStep);

        // The loop is busy restoring: these calls wait in the mailbox, nothing of them reaches the wire.
        var subscribe = kit.Adapter.SubscribeAsync("ticker.ETH");
        var time = kit.Adapter.GetTimeAsync();
        Assert.Equal(2, kit.Adapter.GetDiagnostics().PendingCalls);
        Assert.False(subscribe.IsCompleted);
        Assert.False(time.IsCompleted);
        Assert.Equal(["public/auth"], kit.Calls(second.Id));

        gate.SetResult();
        await using var eth = await subscribe.Within();
        Assert.Equal(1_700_000_000_000, await time.Within());

        Assert.Equal(
            ["public/auth", "public/subscribe[ticker.BTC]", "private/enable_cancel_on_disconnect", "private/get_open_orders", "public/subscribe[ticker.ETH]", "public/get_time"],
            kit.Calls(second.Id));
        Assert.Single(kit.Server.Received, f => f.Text.Contains("ticker.ETH", StringComparison.Ordinal));
        Assert.Equal(SubscriptionState.Active, eth.State);
    }

    [Fact]
    public async Task During_backoff_the_loop_keeps_serving_subscriptions_change_and_requests_wait_for_the_restore()
    {
        await using var kit = await AdapterTestKit.CreateAsync();
        await kit.Adapter.StartAsync().Within();
        var btc = await kit.Adapter.SubscribeAsync("ticker.BTC").Within();
        kit.Venue.FailNextResumes(1);

        await kit.Server.DisconnectAllAsync(DisconnectMode.Abort);
        await kit.Events.WaitAsync<AdapterStateChanged>(s => s.Current == AdapterState.Reconnecting && s.Attempt == 2);

        // Waiting 1 s of backoff: leaving and joining take effect at once, a request is parked.
        await btc.DisposeAsync().AsTask().Within();
        await using var eth = await kit.Adapter.SubscribeAsync("ticker.ETH").Within();
        Assert.Equal(SubscriptionState.Restoring, eth.State);
        var time = kit.Adapter.GetTimeAsync();
        using var abandoned = new CancellationTokenSource();
        var givenUp = kit.Adapter.GetTimeAsync(abandoned.Token);
        await abandoned.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => givenUp.Within());
        Assert.False(time.IsCompleted);

        kit.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1_700_000_000_000, await time.Within());

        var third = await kit.Server.WaitForConnectionAsync(3, Bounded.Wait);
        Assert.Equal(["public/auth", "public/subscribe[ticker.ETH]", "private/enable_cancel_on_disconnect", "private/get_open_orders", "public/get_time"], kit.Calls(third.Id));
        Assert.Equal(SubscriptionState.Active, eth.State);
        Assert.Equal(1, kit.Adapter.GetDiagnostics().Subscriptions);
    }

    [Fact]
    public async Task A_drop_during_authentication_is_a_loss_that_is_retried_not_a_fatal_error()
    {
        await using var kit = await AdapterTestKit.CreateAsync();
        await kit.Adapter.StartAsync().Within();
        var gate = kit.Venue.HoldAuthentication();

        await kit.Server.DisconnectAllAsync(DisconnectMode.Abort);
        var second = await kit.Server.WaitForConnectionAsync(2, Bounded.Wait);
        await second.ExpectMessageAsync(MessageMatcher.JsonSubset("""{"method":"public/auth"}"""), Bounded.Wait);
        second.Abort();

        // The auth request's outcome is unknown, but the connection is thrown away anyway: back off and redo it.
        var backoff = await kit.Events.WaitAsync<AdapterStateChanged>(s => s.Current == AdapterState.Reconnecting && s.Attempt == 2);
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.NextDelay);
        var failed = Assert.Single(kit.Events.Steps, s => !s.Succeeded);
        Assert.Equal(AdapterStep.Authenticate, failed.Step);
        Assert.True(failed.Error is ZenTransportException { Failure: TransportFailure.ConnectionLost }, failed.ToString());

        gate.SetResult();
        kit.Time.Advance(TimeSpan.FromSeconds(1));
        await kit.Events.WaitForStateAsync(AdapterState.Ready);
        Assert.Equal(AdapterState.Ready, kit.Adapter.State);
    }

    [Fact]
    public async Task A_request_in_flight_when_the_connection_drops_fails_and_is_not_resent()
    {
        await using var kit = await AdapterTestKit.CreateAsync();
        await kit.Adapter.StartAsync().Within();
        var gate = kit.Venue.HoldAuthentication();
        var first = await kit.Server.WaitForConnectionAsync(1, Bounded.Wait);

        // Held on purpose: public/auth is the one call the scripted venue can keep unanswered.
        var pending = kit.Adapter.RequestRawAsync("public/auth", RpcParams.FromJson("""{"api_key":"k","api_secret":"x"}"""));
        await first.ExpectMessageAsync(MessageMatcher.JsonSubset("""{"method":"public/auth","params":{"api_secret":"x"}}"""), Bounded.Wait);
        first.Abort();

        var lost = await Assert.ThrowsAsync<ZenConnectionLostException>(() => pending.Within());
        Assert.True(lost.OutcomeUnknown);
        gate.SetResult();
        await kit.Events.WaitForStateAsync(AdapterState.Ready);
        Assert.Single(kit.Server.Received, f => f.Text.Contains("\"x\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stop_closes_the_connection_ends_the_streams_and_dispose_is_idempotent()
    {
        await using var kit = await AdapterTestKit.CreateAsync();
        await kit.Adapter.StartAsync().Within();
        var ticker = await kit.Adapter.SubscribeAsync("ticker.BTC").Within();
        var connection = await kit.Server.WaitForConnectionAsync(1, Bounded.Wait);

        await Task.WhenAll(kit.Adapter.DisposeAsync().AsTask(), kit.Adapter.DisposeAsync().AsTask()).Within();
        await kit.Adapter.DisposeAsync();

        Assert.Equal(AdapterState.Stopped, kit.Adapter.State);
        Assert.Equal(AdapterState.Stopped, (await kit.Adapter.Completion.Within()).Current);
        await connection.Closed.Within();
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, connection.ClientCloseStatus);
        await foreach (var item in ticker.ReadAllAsync())
        {
            Assert.Fail($"The stream should have ended, got {item.Kind}.");
        }

        await ticker.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => kit.Adapter.SubscribeAsync("ticker.ETH"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => kit.Adapter.StartAsync());
        await kit.Adapter.StopAsync().Within();
        var events = kit.Events.All.Count;
        kit.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(events, kit.Events.All.Count);
        Assert.Equal(1, kit.Server.HandshakeCount);
    }

    [Fact]
    public async Task A_call_before_start_is_a_usage_error_and_a_missing_endpoint_is_named()
    {
        await using var kit = await AdapterTestKit.CreateAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => kit.Adapter.GetTimeAsync().Within());
        Assert.Equal(AdapterState.Created, kit.Adapter.State);

        var error = Assert.Throws<ArgumentException>(() => new ExampleVenueAdapter(new ExampleVenueOptions { Endpoint = null, ApiKey = "k", ApiSecret = "s" }));
        Assert.Contains("Endpoint", error.Message, StringComparison.Ordinal);
    }
}
