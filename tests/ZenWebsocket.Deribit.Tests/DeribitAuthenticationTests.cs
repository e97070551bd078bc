using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Deribit.Tests.Support;
using ZenWebsocket.Testing.Simulators.Deribit;

namespace ZenWebsocket.Deribit.Tests;

public sealed class DeribitAuthenticationTests
{
    [Theory]
    [InlineData(DeribitAuthMethod.ClientSignature, "client_signature")]
    [InlineData(DeribitAuthMethod.ClientCredentials, "client_credentials")]
    public async Task Start_authenticates_with_the_chosen_grant(DeribitAuthMethod method, string grant)
    {
        await using var kit = await DeribitKit.CreateAsync(o => o.AuthMethod = method);

        await kit.Adapter.StartAsync().Within();

        Assert.Equal(AdapterState.Ready, kit.Adapter.State);
        var auth = Assert.Single(kit.Simulator.LastAuthByConnection.Values);
        Assert.Equal(grant, auth.GrantType);
        Assert.Equal(DeribitAccount.DefaultClientId, auth.ClientId);
        Assert.NotNull(kit.Adapter.AccessTokenExpiresAt);
        Assert.True(await kit.Adapter.GetTimeAsync().Within() > 0);
    }

    [Theory]
    [InlineData(DeribitAuthMethod.ClientSignature)]
    [InlineData(DeribitAuthMethod.ClientCredentials)]
    public async Task A_refused_key_13004_faults_the_adapter_without_a_reconnect_loop(DeribitAuthMethod method)
    {
        await using var kit = await DeribitKit.CreateAsync(o =>
        {
            o.AuthMethod = method;
            o.Credentials = new DeribitCredentials(DeribitAccount.DefaultClientId, "wrong-secret");
        });

        var error = await Assert.ThrowsAsync<ZenAuthenticationException>(() => kit.Adapter.StartAsync().Within());

        Assert.DoesNotContain("wrong-secret", error.Message, StringComparison.Ordinal);
        var final = await kit.Adapter.Completion.Within();
        Assert.Equal(AdapterState.Faulted, final.Current);
        Assert.Equal(AdapterState.Faulted, kit.Adapter.State);
        Assert.Equal(1, kit.Simulator.TotalConnections);
        Assert.Equal(1, kit.Simulator.RequestCount("public/auth"));
    }

    [Fact]
    public async Task The_access_token_is_refreshed_with_the_refresh_token_before_it_expires_on_the_injected_clock()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var kit = await DeribitKit.CreateAsync(o =>
        {
            o.TimeProvider = time;
            o.TokenRefreshMargin = TimeSpan.FromSeconds(60);

            // The longest heartbeat: jumping the fake clock must not declare the link dead.
            o.HeartbeatInterval = TimeSpan.FromHours(1);
        });
        await kit.Adapter.StartAsync().Within();
        var firstExpiry = kit.Adapter.AccessTokenExpiresAt!.Value;
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(900), firstExpiry);
        var refreshed = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        kit.Adapter.TokenRefreshed += (_, expiry) => refreshed.TrySetResult(expiry);

        time.Advance(TimeSpan.FromSeconds(839));
        Assert.Equal(0, kit.Adapter.TokenRefreshes);
        time.Advance(TimeSpan.FromSeconds(1));

        var expiry = await refreshed.Task.Within();
        Assert.Equal(1, kit.Adapter.TokenRefreshes);
        Assert.Equal("refresh_token", Assert.Single(kit.Simulator.LastAuthByConnection.Values).GrantType);
        Assert.True(expiry > firstExpiry);
        Assert.Equal(1, kit.Simulator.TotalConnections);
        Assert.Equal(AdapterState.Ready, kit.Adapter.State);
    }

    [Fact]
    public async Task A_heartbeat_test_request_is_answered_with_public_test_and_the_connection_stays()
    {
        var simulatorTime = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var kit = await DeribitKit.CreateAsync(
            o => o.HeartbeatInterval = TimeSpan.FromSeconds(10),
            new DeribitSimulatorOptions { TimeProvider = simulatorTime, GenerateMarketData = false });
        await kit.Adapter.StartAsync().Within();
        Assert.Equal(1, kit.Simulator.RequestCount("public/set_heartbeat"));

        // First tick: the client spoke since the heartbeat was set, so a plain heartbeat; second tick: a test_request.
        simulatorTime.Advance(TimeSpan.FromSeconds(10));
        simulatorTime.Advance(TimeSpan.FromSeconds(10));
        await kit.Simulator.WaitForRequestsAsync("public/test", 1, Bounded.Wait);

        // The test_request's deadline passes: answered, so the server keeps the connection.
        simulatorTime.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, kit.Simulator.ClosedConnections);
        Assert.Equal(1, kit.Simulator.ConnectionCount);
        Assert.Equal(AdapterState.Ready, kit.Adapter.State);
    }
}
