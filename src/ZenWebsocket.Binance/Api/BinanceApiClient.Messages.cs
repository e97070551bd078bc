using System.Net.WebSockets;
using System.Text.Json;

namespace ZenWebsocket.Binance;

public sealed partial class BinanceApiClient
{
    private ZenAuthenticationException? _sessionRevoked;

    /// <summary>Raised when Binance revoked the session because the key became invalid
    /// (<c>{"id":null,"status":401,...}</c>), on the client's event worker, in order with its other events. The request
    /// that met the revocation gets no answer of its own, so the client then closes the connection: pending requests
    /// fail at once, and the reconnect logs on again, or, if the key is really gone, stops the client with
    /// <see cref="ZenAuthenticationException"/>.</summary>
    public event EventHandler<ZenAuthenticationException>? SessionRevoked;

    /// <summary>Raised when Binance announced a shutdown of the connection (<c>serverShutdown</c>), on the client's
    /// event worker, in order with its other events; the client reconnects at once.</summary>
    public event EventHandler<DateTimeOffset>? ServerShutdownAnnounced;

    /// <summary>Gets the error of the latest session revocation, or <see langword="null"/> when there was none.</summary>
    public ZenAuthenticationException? LastSessionRevocation => Volatile.Read(ref _sessionRevoked);

    /// <inheritdoc />
    protected override void OnMessage(AdapterSession session, ZenMessage message)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!message.IsText)
        {
            return;
        }

        var inbound = IdStatusDialect.Instance.Classify(message.Data);
        if (inbound.Id is null && inbound.Error is { } error)
        {
            OnRevoked(error);
            _ = CloseQuietlyAsync(session, "session revoked");
            return;
        }

        if (TryReadShutdown(message.Data.Span, out var at))
        {
            // Binance closes the connection soon after: reconnecting now, on our terms, loses less than waiting.
            Log.ApiServerShutdown(_logger);
            RaiseEvent(nameof(ServerShutdownAnnounced), ServerShutdownAnnounced, at);
            _ = CloseQuietlyAsync(session, "serverShutdown announced");
        }
    }

    private static async Task CloseQuietlyAsync(AdapterSession session, string reason)
    {
        try
        {
            await session.Client.CloseAsync(WebSocketCloseStatus.NormalClosure, reason).ConfigureAwait(false);
        }
        catch (ZenWebSocketException)
        {
            // The server closed first: the adapter reconnects either way.
        }
        catch (ObjectDisposedException)
        {
            // The adapter already replaced or stopped this connection.
        }
    }

    private void OnRevoked(RpcError error)
    {
        Volatile.Write(ref _loggedOn, 0);
        var revoked = BinanceErrors.Map(error, ServerNowMs) as ZenAuthenticationException
            ?? new ZenAuthenticationException($"Binance revoked the session ({error.Code} {error.Message}).", new BinanceApiException(error.Code, error.Message, error.Data, error.Status));
        Volatile.Write(ref _sessionRevoked, revoked);
        Log.ApiSessionRevoked(_logger, error.Code, error.Message);
        RaiseEvent(nameof(SessionRevoked), SessionRevoked, revoked);
    }

    /// <summary>Recognises <c>{"event":{"e":"serverShutdown","E":...}}</c> (B.6).</summary>
    internal static bool TryReadShutdown(ReadOnlySpan<byte> json, out DateTimeOffset at)
    {
        at = default;
        if (json.IndexOf("serverShutdown"u8) < 0)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("event", out var payload)
                && payload.ValueKind == JsonValueKind.Object
                && payload.TryGetProperty("e", out var type)
                && type.ValueEquals("serverShutdown"))
            {
                at = payload.TryGetProperty("E", out var time) && time.TryGetInt64(out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : default;
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    /// <summary>
    /// The server's counts, from every response that carries them. When a window is full on the server's side the
    /// local limiter that mirrors it is held until that window turns, so no request is sent only to be refused.
    /// </summary>
    private void OnRateLimits(IReadOnlyList<BinanceRateLimit> limits)
    {
        Volatile.Write(ref _lastRateLimits, limits);
        if (RateLimiter is not { } limiter)
        {
            return;
        }

        foreach (var limit in limits)
        {
            if (limit.Count < limit.Limit || limit.Window <= TimeSpan.Zero || LimiterFor(limiter, limit) is not { } local)
            {
                continue;
            }

            // Binance's windows are calendar-aligned on its own clock: the next boundary, brought back to ours.
            var serverNow = ServerNowMs();
            var windowMs = (long)limit.Window.TotalMilliseconds;
            var next = ((serverNow / windowMs) + 1) * windowMs;
            Log.ApiServerLimitReached(_logger, limit.Count, limit.Limit, limit.RateLimitType, limit.Window);
            try
            {
                local.Penalize(TimeSpan.FromMilliseconds(next - serverNow));
            }
            catch (ObjectDisposedException)
            {
                // The client stopped while the answer was on its way.
            }
        }
    }

    private static ZenRateLimiter? LimiterFor(CompositeRateLimiter limiter, BinanceRateLimit limit)
    {
        var name = (limit.RateLimitType, limit.Window) switch
        {
            ("REQUEST_WEIGHT", var w) when w == TimeSpan.FromMinutes(1) => BinanceWeights.RequestWeightName,
            ("ORDERS", var w) when w == TimeSpan.FromSeconds(10) => BinanceWeights.Orders10sName,
            ("ORDERS", var w) when w == TimeSpan.FromDays(1) => BinanceWeights.Orders1dName,
            _ => null,
        };
        return name is null ? null : limiter.Rules.Select(r => r.Limiter).FirstOrDefault(l => l.Name == name);
    }
}
