namespace ZenWebsocket.Tests.Telemetry;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Small_values_have_exact_buckets()
    {
        for (var v = 0; v < 256; v++)
        {
            Assert.Equal(v, LatencyHistogram.IndexOf(v));
            Assert.Equal(v, LatencyHistogram.ValueOf(LatencyHistogram.IndexOf(v)));
        }
    }

    [Fact]
    public void Every_value_is_reported_within_a_relative_error_of_one_in_256()
    {
        var random = new Random(11);
        var previous = -1;
        for (var i = 0; i < 200_000; i++)
        {
            var value = (long)Math.Exp(random.NextDouble() * Math.Log(LatencyHistogram.MaxValue));
            var reported = LatencyHistogram.ValueOf(LatencyHistogram.IndexOf(value));
            Assert.True(Math.Abs(reported - value) <= Math.Max(0, value / 256.0), $"{value} -> {reported}");
        }

        // Indexes grow with values, so a scan in index order is a scan in value order.
        for (long v = 0; v < 1 << 20; v += 37)
        {
            var index = LatencyHistogram.IndexOf(v);
            Assert.True(index >= previous);
            previous = index;
        }

        Assert.True(LatencyHistogram.IndexOf(LatencyHistogram.MaxValue) < 34 * 128);
    }
}
