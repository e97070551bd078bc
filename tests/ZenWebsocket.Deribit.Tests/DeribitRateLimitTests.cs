using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Deribit.Tests.Support;
using ZenWebsocket.Testing.Simulators.Deribit;

namespace ZenWebsocket.Deribit.Tests;

public sealed class DeribitRateLimitTests
{
    [Fact]
    public async Task A_burst_beyond_the_credits_waits_locally_for_the_fake_clock_and_never_gets_10028()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var kit = await DeribitKit.CreateAsync(
            o =>
            {
                o.TimeProvider = time;

                // The longest heartbeat: nothing but the burst spends credits.
                o.HeartbeatInterval = TimeSpan.FromHours(1);
            },
            new DeribitSimulatorOptions { GenerateMarketData = false, TimeProvider = time });
        await kit.Adapter.StartAsync().Within();
        var credits = Assert.Single(kit.Adapter.RateLimiter!.Rules, r => r.Limiter.Name == DeribitCredits.NonMatchingEngineName).Limiter;
        var fits = credits.GetStatus().TokensAvailable / DeribitCredits.DefaultCost;
        Assert.InRange(fits, 90, 100);
        var before = kit.Simulator.RequestCount("public/get_time");

        // The simulator's pool has the same 50,000 credits on the same clock: the local limiter holds the last five
        // back until the clock refills, so the simulator never sees a request it has no credits for.
        var calls = Enumerable.Range(0, fits + 5).Select(_ => kit.Adapter.GetTimeAsync()).ToArray();
        await Task.WhenAll(calls.Take(fits)).Within();

        Assert.All(calls.Skip(fits), c => Assert.False(c.IsCompleted));
        Assert.Equal(before + fits, kit.Simulator.RequestCount("public/get_time"));
        Assert.True(credits.GetStatus().TokensAvailable < DeribitCredits.DefaultCost);

        // 250 ms of refill pays for five requests.
        time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(calls).Within();

        Assert.Equal(before + fits + 5, kit.Simulator.RequestCount("public/get_time"));
        Assert.Equal(1, kit.Simulator.TotalConnections);
        Assert.Equal(AdapterState.Ready, kit.Adapter.State);
    }

    [Fact]
    public async Task Credit_limits_are_on_by_default_with_the_configured_tier_and_can_be_turned_off()
    {
        Assert.NotNull(new DeribitOptions().RateLimits);
        var options = new DeribitOptions { RateLimits = new DeribitRateLimits { MatchingEngineTier = DeribitMatchingEngineTier.Tier1 } };
        await using (var adapter = new DeribitAdapter(options))
        {
            // The caller's options are not touched: the limiter lives in the adapter's copy.
            Assert.Null(options.RateLimiter);
            var matching = Assert.Single(adapter.RateLimiter!.Rules, r => r.Limiter.Name == DeribitCredits.MatchingEngineName).Limiter;
            Assert.Equal(100, matching.Options.Capacity);
        }

        await using var off = new DeribitAdapter(new DeribitOptions { RateLimits = null });
        Assert.Null(off.RateLimiter);
    }

    [Fact]
    public async Task The_limiter_the_adapter_built_is_released_when_it_stops_and_one_given_to_it_is_not()
    {
        var built = new DeribitAdapter(new DeribitOptions());
        var builtLimiter = built.RateLimiter!.Rules[0].Limiter;
        using var given = DeribitCredits.CreateLimiter(DeribitMatchingEngineTier.Tier1);
        var borrowed = new DeribitAdapter(new DeribitOptions { RateLimiter = given });
        Assert.Same(given, borrowed.RateLimiter);

        await built.DisposeAsync();
        await borrowed.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => builtLimiter.TryAcquire(1, out _));
        Assert.True(given.Rules[0].Limiter.TryAcquire(1, out _));
    }

    [Fact]
    public async Task With_limits_off_running_out_of_credits_10028_surfaces_as_ZenRateLimitedException_with_a_retry_after()
    {
        var simulator = new DeribitSimulatorOptions
        {
            GenerateMarketData = false,
            RateLimits = new DeribitRateLimitOptions { NonMatchingEngine = new DeribitCreditPool(500, 2_000, 1) },
        };
        await using var kit = await DeribitKit.CreateAsync(
            o =>
            {
                o.AuthMethod = DeribitAuthMethod.ClientCredentials;
                o.RateLimits = null;
            },
            simulator);
        await kit.Adapter.StartAsync().Within();

        ZenRateLimitedException? error = null;
        for (var i = 0; i < 10 && error is null; i++)
        {
            try
            {
                await kit.Adapter.GetTimeAsync().Within();
            }
            catch (ZenRateLimitedException e)
            {
                error = e;
            }
        }

        Assert.NotNull(error);
        Assert.Equal(ErrorCategory.RateLimited, error.Category);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
    }

    [Fact]
    public async Task A_gap_marker_written_by_the_adapter_reaches_the_topic_stream()
    {
        await using var kit = await DeribitKit.CreateAsync(o => o.Credentials = null);
        await kit.Adapter.StartAsync().Within();
        await using var handle = await kit.Adapter.SubscribeAsync("ticker.BTC-PERPETUAL.100ms").Within();

        kit.Adapter.MarkGap(handle.Topic, "test gap");

        await using var items = handle.ReadAllAsync().GetAsyncEnumerator();
        SubscriptionItem item;
        do
        {
            item = await items.NextAsync();
        }
        while (item.Kind != SubscriptionItemKind.Gap);

        Assert.Equal("test gap", item.Detail);
    }
}
