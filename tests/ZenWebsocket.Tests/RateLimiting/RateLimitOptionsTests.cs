namespace ZenWebsocket.Tests.RateLimiting;

public sealed class RateLimitOptionsTests
{
    [Fact]
    public void Defaults_are_valid() => new RateLimitOptions().Validate();

    [Theory]
    [InlineData("Capacity")]
    [InlineData("RefillAmount")]
    [InlineData("RefillPeriod")]
    [InlineData("QueueLimit")]
    [InlineData("MaxWait")]
    public void A_bad_value_names_the_option(string option)
    {
        var bad = option switch
        {
            "Capacity" => new RateLimitOptions { Capacity = 0 },
            "RefillAmount" => new RateLimitOptions { Capacity = 5, RefillAmount = 6 },
            "RefillPeriod" => new RateLimitOptions { RefillPeriod = TimeSpan.Zero },
            "QueueLimit" => new RateLimitOptions { QueueLimit = -1 },
            _ => new RateLimitOptions { MaxWait = TimeSpan.FromSeconds(-1) },
        };
        var error = Assert.Throws<ArgumentOutOfRangeException>(bad.Validate);
        Assert.Equal($"RateLimitOptions.{option}", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ZenRateLimiter(bad));
    }

    [Fact]
    public void An_empty_name_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(new RateLimitOptions { Name = " " }.Validate);
        Assert.Equal("RateLimitOptions.Name", error.ParamName);
    }
}
