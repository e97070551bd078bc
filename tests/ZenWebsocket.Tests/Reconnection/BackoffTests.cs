namespace ZenWebsocket.Tests.Reconnection;

public sealed class BackoffTests
{
    private static readonly ReconnectPolicy Policy = new()
    {
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(30),
        Jitter = JitterMode.None,
    };

    [Fact]
    public void Without_jitter_delays_double_from_the_base_and_stop_at_the_cap()
    {
        var backoff = new Backoff(Policy);
        var seconds = Enumerable.Range(0, 8).Select(_ => backoff.Next().TotalSeconds).ToArray();
        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], seconds);
    }

    [Fact]
    public void Many_retries_never_overflow_and_stay_at_the_cap()
    {
        var backoff = new Backoff(Policy with { MaxDelay = TimeSpan.FromDays(1) });
        var last = TimeSpan.Zero;
        for (var i = 0; i < 200; i++)
        {
            last = backoff.Next();
            Assert.True(last > TimeSpan.Zero);
        }

        Assert.Equal(TimeSpan.FromDays(1), last);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public void Full_jitter_stays_between_zero_and_the_exponential_delay(double random)
    {
        var backoff = new Backoff(Policy with { Jitter = JitterMode.Full, RandomSource = () => random });
        var expected = new[] { 1, 2, 4, 8, 16, 30, 30 };
        foreach (var ceiling in expected)
        {
            var delay = backoff.Next().TotalSeconds;
            Assert.InRange(delay, 0, ceiling);
            Assert.Equal(ceiling * random, delay, 3);
        }
    }

    [Fact]
    public void Decorrelated_jitter_never_goes_below_the_base_nor_above_the_cap()
    {
        var random = new Random(42);
        var backoff = new Backoff(Policy with { Jitter = JitterMode.Decorrelated, RandomSource = random.NextDouble });
        for (var i = 0; i < 1_000; i++)
        {
            Assert.InRange(backoff.Next(), Policy.BaseDelay, Policy.MaxDelay);
        }
    }

    [Fact]
    public void Decorrelated_jitter_at_the_top_of_its_range_triples_until_the_cap()
    {
        var backoff = new Backoff(Policy with { Jitter = JitterMode.Decorrelated, RandomSource = () => 1.0 });
        var seconds = Enumerable.Range(0, 5).Select(_ => backoff.Next().TotalSeconds).ToArray();
        Assert.Equal([3, 9, 27, 30, 30], seconds);
    }

    [Fact]
    public void A_random_source_outside_zero_to_one_is_clamped()
    {
        var backoff = new Backoff(Policy with { Jitter = JitterMode.Full, RandomSource = () => 7 });
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next());
    }
}
