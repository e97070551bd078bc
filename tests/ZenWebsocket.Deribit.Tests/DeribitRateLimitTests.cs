using ZenWebsocket.Deribit.Tests.Support;
using ZenWebsocket.Testing.Simulators.Deribit;

namespace ZenWebsocket.Deribit.Tests;

public sealed class DeribitRateLimitTests
{
    [Fact]
    public async Task Running_out_of_credits_10028_surfaces_as_ZenRateLimitedException()
    {
        var simulator = new DeribitSimulatorOptions
        {
            GenerateMarketData = false,
            RateLimits = new DeribitRateLimitOptions { NonMatchingEngine = new DeribitCreditPool(500, 2_000, 1) },
        };
        await using var kit = await DeribitKit.CreateAsync(o => o.AuthMethod = DeribitAuthMethod.ClientCredentials, simulator);
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
