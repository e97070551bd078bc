using System.Net;

namespace ZenWebsocket.Tests.Errors;

public sealed class ErrorTests
{
    public static TheoryData<ZenWebSocketException, ErrorCategory, bool> Errors => new()
    {
        { new ZenTransportException(TransportFailure.DnsFailure, "x"), ErrorCategory.Transport, true },
        { new ZenTransportException(TransportFailure.ConnectionRefused, "x"), ErrorCategory.Transport, true },
        { new ZenTransportException(TransportFailure.TlsFailure, "x"), ErrorCategory.Transport, false },
        { new ZenTransportException(TransportFailure.ConnectionLost, "x"), ErrorCategory.Transport, true },
        { new ZenHandshakeException(HttpStatusCode.Unauthorized, null), ErrorCategory.Authentication, false },
        { new ZenHandshakeException(HttpStatusCode.Forbidden, null), ErrorCategory.Authentication, false },
        { new ZenHandshakeException(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(3)), ErrorCategory.RateLimited, true },
        { new ZenHandshakeException(HttpStatusCode.ServiceUnavailable, null), ErrorCategory.Transport, true },
        { new ZenHandshakeException(HttpStatusCode.NotFound, null), ErrorCategory.Protocol, false },
        { new ZenTimeoutException(TimeoutKind.Connect, TimeSpan.FromSeconds(1), "x"), ErrorCategory.Timeout, true },
        { new ZenTimeoutException(TimeoutKind.Heartbeat, TimeSpan.FromSeconds(1), "x"), ErrorCategory.Timeout, true },
        { new ZenTimeoutException(TimeoutKind.QueuedSend, TimeSpan.FromSeconds(1), "x"), ErrorCategory.Timeout, true },
        { new ZenProtocolException(ProtocolFailure.MessageTooLarge, "x"), ErrorCategory.Protocol, true },
        { new ZenSendException(SendFailure.Closed, "x"), ErrorCategory.Closed, false },
        { new ZenSendException(SendFailure.NotConnected, "x"), ErrorCategory.Closed, true },
        { new ZenAuthenticationException("x"), ErrorCategory.Authentication, false },
        { new ZenRateLimitedException("x", TimeSpan.FromSeconds(1)), ErrorCategory.RateLimited, true },
        { new ZenExchangeException(10028, "too_many_requests"), ErrorCategory.Exchange, false },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Every_error_has_a_category_a_transience_and_an_explanation(ZenWebSocketException error, ErrorCategory category, bool transient)
    {
        Assert.Equal(category, error.Category);
        Assert.Equal(transient, error.IsTransient);
        var explanation = error.Explain();
        Assert.True(explanation.Length > 40, explanation);
        Assert.EndsWith(".", explanation.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_category_is_covered_by_an_error_with_an_explanation()
    {
        var covered = Errors.Select(row => ((ZenWebSocketException)row[0]).Category).ToHashSet();
        Assert.Equal(Enum.GetValues<ErrorCategory>().ToHashSet(), covered);
    }

    [Fact]
    public void A_rate_limited_handshake_carries_retry_after_into_its_explanation()
    {
        var error = new ZenHandshakeException(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(7));
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Contains("00:00:07", error.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Retries_exhausted_takes_the_category_of_the_last_error_and_is_permanent()
    {
        var last = new ZenHandshakeException(HttpStatusCode.ServiceUnavailable, null);
        var error = new ZenRetriesExhaustedException(3, TimeSpan.FromSeconds(2), last);
        Assert.Equal(ErrorCategory.Transport, error.Category);
        Assert.False(error.IsTransient);
        Assert.Same(last, error.InnerException);
        Assert.Contains("3 attempt", error.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Retry_after_is_read_as_seconds_or_as_an_http_date()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var seconds = new Dictionary<string, IEnumerable<string>> { ["Retry-After"] = ["12"] };
        var date = new Dictionary<string, IEnumerable<string>> { ["retry-after"] = ["Thu, 26 Nov 2026 12:00:30 GMT"] };
        Assert.Equal(TimeSpan.FromSeconds(12), ConnectErrors.ReadRetryAfter(seconds, time));
        Assert.Equal(TimeSpan.FromSeconds(30), ConnectErrors.ReadRetryAfter(date, time));
        Assert.Null(ConnectErrors.ReadRetryAfter(new Dictionary<string, IEnumerable<string>>(), time));
    }
}
