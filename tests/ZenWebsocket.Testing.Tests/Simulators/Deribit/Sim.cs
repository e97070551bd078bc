using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Testing.Simulators.Deribit;

namespace ZenWebsocket.Testing.Tests.Simulators.Deribit;

/// <summary>Shared set-up: a quiet simulator (no generator, no rate limits) on a fake clock unless a test asks otherwise.</summary>
internal static class Sim
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock(DateTimeOffset? start = null) => new(start ?? Start);

    public static DeribitSimulatorOptions Quiet(TimeProvider time) => new()
    {
        TimeProvider = time,
        GenerateMarketData = false,
        RateLimits = new DeribitRateLimitOptions { Enabled = false },
    };

    public static Task<DeribitSimulator> StartQuietAsync(TimeProvider time) => DeribitSimulator.StartAsync(Quiet(time));
}
