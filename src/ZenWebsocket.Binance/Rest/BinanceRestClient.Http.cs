using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ZenWebsocket.Binance;

public sealed partial class BinanceRestClient
{
    private async Task<byte[]> GetAsync(string pathAndQuery, int weight, CancellationToken cancellationToken)
    {
        if (_options.WeightLimiter is { } limiter)
        {
            await limiter.AcquireAsync(weight, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        using var timeout = _options.RequestTimeout == Timeout.InfiniteTimeSpan
            ? new CancellationTokenSource()
            : new CancellationTokenSource(_options.RequestTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.GetAsync(new Uri(_baseText + pathAndQuery), HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            ReadWeight(response.Headers);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return body;
            }

            throw ToError(response, body);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            // Our timeout, or the supplied HttpClient's own (whichever is shorter) ran out.
            var limit = timeout.IsCancellationRequested || _http.Timeout == Timeout.InfiniteTimeSpan || _http.Timeout > _options.RequestTimeout
                ? _options.RequestTimeout
                : _http.Timeout;
            throw new ZenTimeoutException(TimeoutKind.Request, limit, $"Binance REST GET {Path(pathAndQuery)} did not answer within {limit}.", error);
        }
        catch (HttpRequestException error)
        {
            throw ToTransportError(error, pathAndQuery);
        }
    }

    private static T Deserialize<T>(byte[] body, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw new JsonException("The body is null.");
        }
        catch (JsonException error)
        {
            throw new ZenProtocolException(ProtocolFailure.MalformedMessage, $"A Binance REST answer could not be read as {typeof(T).Name}: {error.Message}", error);
        }
    }

    private ZenWebSocketException ToError(HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        BinanceErrorWire? error = null;
        try
        {
            error = body.Length > 0 ? JsonSerializer.Deserialize(body, BinanceRestJson.Default.BinanceErrorWire) : null;
        }
        catch (JsonException)
        {
            // Not a Binance error body (a proxy's HTML page, say): described by the status alone below.
        }

        var what = error is null
            ? string.Create(CultureInfo.InvariantCulture, $"HTTP {status} {response.ReasonPhrase}")
            : string.Create(CultureInfo.InvariantCulture, $"HTTP {status}, code {error.Code}: {error.Msg}");
        if (response.StatusCode is HttpStatusCode.TooManyRequests || status == 418)
        {
            // 429: over a limit; 418: the IP is banned for repeating that (B.8). Both say when to come back, and the
            // shared weight bucket (if any) holds every later request until then.
            var retryAfter = ReadRetryAfter(response.Headers.RetryAfter);
            if (retryAfter is { } wait && wait > TimeSpan.Zero && _options.WeightLimiter is { } limiter)
            {
                limiter.Penalize(wait);
            }

            return new ZenRateLimitedException($"Binance REST rate limit: {what}", retryAfter);
        }

        if (error is not null)
        {
            return new ZenExchangeException(error.Code, error.Msg ?? string.Empty);
        }

        return new ZenProtocolException(ProtocolFailure.MalformedMessage, $"Binance REST answered {what} without an error body.");
    }

    private TimeSpan? ReadRetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _options.TimeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private void ReadWeight(HttpResponseHeaders headers)
    {
        if (headers.TryGetValues("X-MBX-USED-WEIGHT-1M", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var weight))
        {
            Volatile.Write(ref _usedWeight, weight);
        }
    }

    private static ZenTransportException ToTransportError(HttpRequestException error, string pathAndQuery)
    {
        var what = $"Binance REST GET {Path(pathAndQuery)} failed: {error.Message}";
        var socket = error.InnerException as SocketException ?? error.InnerException?.InnerException as SocketException;
        var failure = error.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => TransportFailure.DnsFailure,
            HttpRequestError.SecureConnectionError => TransportFailure.TlsFailure,
            _ when error.InnerException is AuthenticationException => TransportFailure.TlsFailure,
            _ => socket?.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => TransportFailure.ConnectionRefused,
                SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostDown or SocketError.NetworkDown or SocketError.TimedOut => TransportFailure.Unreachable,
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => TransportFailure.DnsFailure,
                _ => error.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.ConnectionError ? TransportFailure.ConnectionLost : TransportFailure.Other,
            },
        };
        return new ZenTransportException(failure, what, error);
    }

    private static string Path(string pathAndQuery)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? pathAndQuery : pathAndQuery[..query];
    }
}
