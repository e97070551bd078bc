using ZenWebsocket.Cli.Options;

namespace ZenWebsocket.Cli.Tests.Options;

public class CliParsingTests
{
    [Theory]
    [InlineData("ws://127.0.0.1:8080/ws")]
    [InlineData("wss://www.deribit.com/ws/api/v2")]
    public void Url_with_ws_or_wss_scheme_is_accepted(string text)
    {
        Assert.True(CliParsing.TryParseUrl(text, out var url, out var error));
        Assert.Equal(new Uri(text), url);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("ftp://example.com", "scheme 'ftp'")]
    [InlineData("https://example.com", "did you mean wss://")]
    [InlineData("example.com/ws", "not an absolute URL")]
    [InlineData("", "not an absolute URL")]
    public void Url_with_other_scheme_or_relative_is_rejected_with_a_reason(string text, string expected)
    {
        Assert.False(CliParsing.TryParseUrl(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none", "None")]
    [InlineData("PingPong", "PingPong")]
    [InlineData("deribit", "Deribit")]
    [InlineData("serverping", "ServerPing")]
    [InlineData("app", "App")]
    public void Heartbeat_names_are_case_insensitive(string text, string expected)
    {
        Assert.True(CliParsing.TryParseHeartbeat(text, out var kind, out _));
        Assert.Equal(expected, kind.ToString());
    }

    [Fact]
    public void Unknown_heartbeat_lists_the_valid_names()
    {
        Assert.False(CliParsing.TryParseHeartbeat("tcp", out _, out var error));
        Assert.Contains(CliParsing.HeartbeatNames, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_splits_at_the_first_equals_sign_and_keeps_the_rest()
    {
        Assert.True(CliParsing.TryParseHeader("Authorization=Bearer a=b", out var header, out _));
        Assert.Equal("Authorization", header.Key);
        Assert.Equal("Bearer a=b", header.Value);
    }

    [Theory]
    [InlineData("NoEquals")]
    [InlineData("=value")]
    [InlineData("Bad Name=value")]
    public void Header_without_a_name_or_equals_sign_is_rejected(string text) =>
        Assert.False(CliParsing.TryParseHeader(text, out _, out _));

    [Fact]
    public void Repeated_header_keeps_the_last_value()
    {
        Assert.True(CliParsing.TryParseHeaders(["X-A=1", "x-a=2", "X-B="], out var headers, out _));
        Assert.Equal("2", headers["X-A"]);
        Assert.Equal(string.Empty, headers["X-B"]);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("NaN")]
    [InlineData("abc")]
    [InlineData("1e400")]
    public void Seconds_must_be_a_positive_finite_number(string text) =>
        Assert.False(CliParsing.TryParseSeconds(text, "--duration", out _, out _));

    [Fact]
    public void Seconds_accept_decimals_in_the_invariant_culture()
    {
        Assert.True(CliParsing.TryParseSeconds("1.5", "--duration", out var seconds, out _));
        Assert.Equal(1.5, seconds);
    }

    [Fact]
    public void Describe_drops_the_runtime_suffixes_of_an_argument_exception()
    {
        var exception = new ArgumentOutOfRangeException("Opt.Interval", TimeSpan.FromSeconds(5), "Opt.Interval must be at least 10 s.");
        Assert.Equal("Opt.Interval must be at least 10 s. (was 00:00:05)", CliParsing.Describe(exception));
    }
}
