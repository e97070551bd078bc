namespace ZenWebsocket.Deribit.Tests;

public sealed class DeribitErrorsTests
{
    [Theory]
    [InlineData(13004)]
    [InlineData(13009)]
    [InlineData(13021)]
    public void Authentication_codes_map_to_ZenAuthenticationException(long code)
    {
        var error = DeribitErrors.Map(new RpcError(code, "invalid_credentials", null));
        Assert.IsType<ZenAuthenticationException>(error);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void Code_10028_maps_to_ZenRateLimitedException()
    {
        var error = DeribitErrors.Map(new RpcError(10028, "too_many_requests", null));
        Assert.IsType<ZenRateLimitedException>(error);
        Assert.Equal(ErrorCategory.RateLimited, error.Category);
        Assert.True(error.IsTransient);

        // A RetryAfter lets the correlator penalize the local credit limiter and holds the reconnect back.
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
    }

    [Fact]
    public void Other_codes_map_to_DeribitException_with_the_code()
    {
        var error = Assert.IsType<DeribitException>(DeribitErrors.Map(new RpcError(10004, "order_not_found", "{\"param\":\"order_id\"}")));
        Assert.Equal(10004, error.Code);
        Assert.Equal("order_not_found", error.ExchangeMessage);
        Assert.Equal(ErrorCategory.Exchange, error.Category);
        Assert.False(error.IsTransient);
        Assert.True(new DeribitException(10047, "matching_engine_queue_full").IsTransient);
    }

    [Fact]
    public void Options_default_to_production_and_switch_to_testnet()
    {
        var options = new DeribitOptions();
        Assert.Equal(new Uri("wss://www.deribit.com/ws/api/v2"), options.Endpoint);
        options.Environment = DeribitEnvironment.Testnet;
        Assert.Equal(new Uri("wss://test.deribit.com/ws/api/v2"), options.Endpoint);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeribitOptions { HeartbeatInterval = TimeSpan.FromSeconds(5) }.Validate());
        Assert.Throws<ArgumentException>(() => new DeribitOptions { CancelOnDisconnect = true }.Validate());
    }
}
