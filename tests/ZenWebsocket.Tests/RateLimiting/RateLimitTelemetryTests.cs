using System.Diagnostics.Metrics;
using ZenWebsocket.Tests.Support;
using static ZenWebsocket.Tests.RateLimiting.RateLimitTestKit;

namespace ZenWebsocket.Tests.RateLimiting;

public sealed class RateLimitTelemetryTests
{
    [Fact]
    public async Task Waits_rejections_and_penalties_are_measured_by_limiter_name()
    {
        // A unique name keeps measurements from tests running in parallel apart.
        var name = $"telemetry-{Guid.NewGuid():N}";
        var waits = new List<double>();
        var counts = new Dictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ZenWebsocketTelemetry.Name && instrument.Name.StartsWith("zenws.rate_limit.", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (HasTag(tags, "limiter", name))
            {
                lock (waits)
                {
                    waits.Add(value);
                }
            }
        });
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (HasTag(tags, "limiter", name))
            {
                var reason = Tag(tags, "reason");
                lock (counts)
                {
                    var key = reason is null ? instrument.Name : $"{instrument.Name}:{reason}";
                    counts[key] = counts.GetValueOrDefault(key) + value;
                }
            }
        });
        listener.Start();

        var (limiter, time) = CreateEmpty(Options(name) with { QueueLimit = 1 });
        using var owner = limiter;
        Assert.False(limiter.TryAcquire(1, out _));
        var waiting = limiter.AcquireAsync(4).AsTask();
        await Assert.ThrowsAsync<ZenRateLimitedException>(() => limiter.AcquireAsync(1).AsTask());
        time.Advance(200);
        await waiting.Within();
        limiter.Penalize(TimeSpan.FromSeconds(1));

        lock (waits)
        {
            Assert.Equal([0.2], waits);
        }

        lock (counts)
        {
            Assert.Equal(1, counts.GetValueOrDefault("zenws.rate_limit.rejections:exhausted"));
            Assert.Equal(1, counts.GetValueOrDefault("zenws.rate_limit.rejections:queue_full"));
            Assert.Equal(1, counts.GetValueOrDefault("zenws.rate_limit.penalties"));
        }
    }

    private static bool HasTag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key, string value) =>
        Tag(tags, key) == value;

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
