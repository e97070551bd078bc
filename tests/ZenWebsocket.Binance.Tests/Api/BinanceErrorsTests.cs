namespace ZenWebsocket.Binance.Tests.Api;

public sealed class BinanceErrorsTests
{
    private static long FixedServerNow() => 1_659_142_900_000;

    [Fact]
    public void A_timestamp_outside_the_receive_window_is_a_typed_error_that_explains_the_clock()
    {
        var error = Assert.IsType<BinanceApiException>(BinanceErrors.Map(new RpcError(-1021, "Timestamp for this request is outside of the recvWindow.", null, 400), FixedServerNow));

        Assert.True(error.IsTimestampRejected);
        Assert.Equal("INVALID_TIMESTAMP", error.CodeName);
        Assert.Contains("ClockSync", error.Explain(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1022, "Signature for this request is not valid.")]
    [InlineData(-2015, "Invalid API-key, IP, or permissions for action.")]
    [InlineData(-2014, "API-key format invalid.")]
    [InlineData(-1002, "You are not authorized to execute this request.")]
    public void Credential_refusals_become_authentication_errors_that_keep_the_code(long code, string message)
    {
        var error = Assert.IsType<ZenAuthenticationException>(BinanceErrors.Map(new RpcError(code, message, null, 400), FixedServerNow));

        var inner = Assert.IsType<BinanceApiException>(error.InnerException);
        Assert.Equal(code, inner.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_429_waits_until_retryAfter_counted_from_the_server_time_in_the_error_data()
    {
        var data = "{\"serverTime\":1659142907531,\"retryAfter\":1659142910531}";

        var error = Assert.IsType<ZenRateLimitedException>(BinanceErrors.Map(new RpcError(-1003, "Too much request weight used", data, 429), FixedServerNow));

        Assert.Equal(TimeSpan.FromSeconds(3), error.RetryAfter);
        Assert.Equal(-1003, Assert.IsType<BinanceApiException>(error.InnerException).Code);
    }

    [Fact]
    public void A_418_ban_without_server_time_counts_from_the_estimated_server_clock()
    {
        var data = "{\"retryAfter\":1659143020000}";

        var error = Assert.IsType<ZenRateLimitedException>(BinanceErrors.Map(new RpcError(-1003, "Way too much request weight used; IP banned until 1659143020000.", data, 418), FixedServerNow));

        Assert.Equal(TimeSpan.FromMinutes(2), error.RetryAfter);
        Assert.Contains("banned", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_orders_without_data_still_holds_off_for_a_second()
    {
        var error = Assert.IsType<ZenRateLimitedException>(BinanceErrors.Map(new RpcError(-1015, "Too many new orders; current limit is 50 orders per TEN_SECONDS.", null, 429), FixedServerNow));

        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
    }

    [Theory]
    [InlineData(-2010, 400, false)]
    [InlineData(-2011, 400, false)]
    [InlineData(-2013, 400, false)]
    [InlineData(-1007, 408, true)]
    [InlineData(-1000, 503, true)]
    public void Order_errors_carry_code_and_message_and_say_when_the_outcome_is_unknown(long code, int status, bool unknown)
    {
        var error = Assert.IsType<BinanceApiException>(BinanceErrors.Map(new RpcError(code, "msg", null, status), FixedServerNow));

        Assert.Equal(code, error.Code);
        Assert.Equal("msg", error.ExchangeMessage);
        Assert.Equal(status, error.Status);
        Assert.Equal(unknown, error.OutcomeUnknown);
        Assert.Equal(unknown, error.Explain().Contains("ReconcileOrderAsync", StringComparison.Ordinal));
    }
}
