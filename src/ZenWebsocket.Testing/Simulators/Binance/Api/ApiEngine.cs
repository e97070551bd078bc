using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>
/// The engine behind <c>/ws-api/v3</c> (B.6-B.9): envelopes, weights and bans, signatures, sessions, the matching
/// engine and the user data stream. The host calls <see cref="Connect"/>, <see cref="Receive"/> per text message and
/// <see cref="Disconnect"/>. One lock guards all state: requests of different connections and market moves (from the
/// generator's thread) are serialised.
/// </summary>
internal sealed partial class ApiEngine : IDisposable
{
    private readonly Lock _lock = new();
    private readonly BinanceSimulatorOptions _options;
    private readonly BinanceApiOptions _api;
    private readonly IMarketView _market;
    private readonly ApiRateLimits _limits;
    private readonly Dictionary<string, ApiMethod> _methods;
    private readonly List<ApiSession> _sessions = [];
    private readonly Dictionary<string, long> _requests = new(StringComparer.Ordinal);
    private readonly List<(string Method, long Count, TaskCompletionSource Done)> _requestWaiters = [];
    private readonly Dictionary<string, int> _dropAfter = new(StringComparer.Ordinal);
    private bool _disposed;

    public ApiEngine(BinanceSimulatorOptions options, IMarketView market)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(market);
        options.Validate();
        _options = options;
        _api = options.Api;
        _market = market;
        _limits = new ApiRateLimits(_api);
        _methods = CreateMethods();
        InitialiseAccounts();
        _market.Moved += OnMarketMoved;
    }

    private long Now => _market.Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Registers a new connection (connecting costs 2 weight); a banned IP's connection is closed at once.</summary>
    public ApiSession Connect(IApiConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        lock (_lock)
        {
            var now = Now;
            var session = new ApiSession(connection, now);
            _limits.AddWeight(connection.Ip, 2, now);
            if (_limits.BannedUntil(connection.Ip, now) is not null)
            {
                session.Closed = true;
                connection.Close(WebSocketCloseStatus.PolicyViolation, "IP banned");
                return session;
            }

            _sessions.Add(session);
            return session;
        }
    }

    /// <summary>Handles one inbound text message: answers it, then sends what the request caused.</summary>
    public void Receive(ApiSession session, string text)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(text);
        lock (_lock)
        {
            if (session.Closed || _disposed)
            {
                return;
            }

            Handle(session, text);
        }
    }

    /// <summary>Forgets a closed connection and its subscriptions.</summary>
    public void Disconnect(ApiSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (_lock)
        {
            session.Closed = true;
            _sessions.Remove(session);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _market.Moved -= OnMarketMoved;
            foreach (var entry in _keys.Values)
            {
                entry.Signatures.Dispose();
            }
            foreach (var waiter in _requestWaiters)
            {
                waiter.Done.TrySetCanceled();
            }

            _requestWaiters.Clear();
        }
    }

    private void Handle(ApiSession session, string text)
    {
        var now = Now;
        var ip = session.Connection.Ip;
        ApiRequest request;
        JsonNode? id = null;
        try
        {
            request = ApiRequest.Parse(text, out id);
        }
        catch (ApiException error)
        {
            // The id is echoed when it could be read before the request turned out malformed.
            _limits.AddWeight(ip, 1, now);
            session.Send(ApiJson.Error(id, error, session.ReturnRateLimits ? RateLimits(ip, now, null) : null));
            return;
        }

        CountRequest(request.Method);
        var context = new ApiCallContext(session, request, now);
        var showLimits = session.ReturnRateLimits;
        try
        {
            showLimits = request.Bool("returnRateLimits") ?? session.ReturnRateLimits;
            if (_limits.BannedUntil(ip, now) is { } until)
            {
                throw Banned(until, now);
            }

            if (!_methods.TryGetValue(request.Method, out var method))
            {
                _limits.AddWeight(ip, 1, now);
                throw ApiException.Bad(ApiErrors.Unknown, "Unknown method.");
            }

            var weight = _limits.AddWeight(ip, method.Weight(request), now);
            if (weight > _limits.WeightLimit)
            {
                throw WeightExceeded(ip, now);
            }

            if (session.LogonKey is { } logon && IsRevoked(logon.ApiKey))
            {
                // B.6.2: the key went bad mid-session; the next request ends the logon with an id-less 401.
                EndLogon(session, context);
                foreach (var frame in context.Before)
                {
                    session.Send(frame);
                }

                session.Send(ApiJson.Error(null, ApiException.BadKey(), null));
                return;
            }

            if (method.Security is ApiSecurity.Trade or ApiSecurity.UserData)
            {
                Authenticate(context, method.Security);
            }

            if (TakeInjectedError(request.Method) is { } injected)
            {
                if (injected.Execute)
                {
                    method.Handler(context);
                }

                throw new ApiException(injected.Status, injected.Code, injected.Message);
            }

            var result = method.Handler(context);
            Respond(context, ApiJson.Success(request.Id, result, showLimits ? RateLimits(ip, now, context.OrderCounts) : null));
        }
        catch (ApiException error)
        {
            var limits = showLimits || error.Status is 429 or 418 ? RateLimits(ip, now, context.OrderCounts) : null;
            Respond(context, ApiJson.Error(request.Id, error, limits));
            if (error.Status == 418)
            {
                DropIp(ip);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or KeyNotFoundException or ArithmeticException)
        {
            // A simulator bug (or an overflow from absurd amounts) answers 500 "execution status unknown" instead of
            // killing the connection's receive loop; the message shows it in the failing test.
            Respond(context, ApiJson.Error(request.Id, new ApiException(500, ApiErrors.Unknown, "Simulator error: " + ex.Message), null));
        }
    }

    /// <summary>Sends the response and what follows it, unless this method is set to drop the connection instead.</summary>
    private void Respond(ApiCallContext context, string response)
    {
        var session = context.Session;
        var drop = _dropAfter.TryGetValue(context.Request.Method, out var left) && left > 0;
        if (drop)
        {
            // Executed, but the answer is lost with the connection: the client cannot know the outcome.
            _dropAfter[context.Request.Method] = left - 1;
            session.Closed = true;
        }

        foreach (var frame in context.Before)
        {
            session.Send(frame);
        }

        session.Send(response);
        foreach (var (target, json) in context.After)
        {
            target.Send(json);
        }

        if (drop)
        {
            _sessions.Remove(session);
            // TCP drops with no close frame, as a real network failure would.
            session.Connection.Abort();
        }
    }

    private JsonArray RateLimits(string ip, long now, (int TenSeconds, int Day)? orders)
    {
        var array = new JsonArray();
        if (orders is { } counts)
        {
            array.Add(ApiJson.RateLimit("ORDERS", "SECOND", 10, _api.OrdersPer10Seconds, counts.TenSeconds));
            array.Add(ApiJson.RateLimit("ORDERS", "DAY", 1, _api.OrdersPerDay, counts.Day));
        }

        array.Add(ApiJson.RateLimit("REQUEST_WEIGHT", "MINUTE", 1, _limits.WeightLimit, _limits.Weight(ip, now)));
        return array;
    }

    private ApiException WeightExceeded(string ip, long now)
    {
        if (_limits.Violate(ip, now))
        {
            return Banned(_limits.BannedUntil(ip, now)!.Value, now);
        }

        var data = new JsonObject { ["serverTime"] = now, ["retryAfter"] = ApiRateLimits.MinuteEnd(now) };
        return new ApiException(
            429,
            ApiErrors.TooManyRequests,
            $"Too much request weight used; current limit is {_limits.WeightLimit} request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.",
            data);
    }

    private static ApiException Banned(long until, long now)
    {
        var data = new JsonObject { ["serverTime"] = now, ["retryAfter"] = until };
        return new ApiException(
            418,
            ApiErrors.TooManyRequests,
            $"Way too much request weight used; IP banned until {until}. Please use WebSocket Streams for live updates to avoid bans.",
            data);
    }

    /// <summary>B.8: a banned IP's WebSocket connections are dropped (after what is already queued).</summary>
    private void DropIp(string ip)
    {
        foreach (var session in _sessions.Where(s => s.Connection.Ip == ip).ToList())
        {
            session.Closed = true;
            _sessions.Remove(session);
            session.Connection.Close(WebSocketCloseStatus.PolicyViolation, "IP banned");
        }
    }

    private void CountRequest(string method)
    {
        var count = _requests.GetValueOrDefault(method) + 1;
        _requests[method] = count;
        for (var i = _requestWaiters.Count - 1; i >= 0; i--)
        {
            var waiter = _requestWaiters[i];
            if (waiter.Method == method && count >= waiter.Count)
            {
                waiter.Done.TrySetResult();
                _requestWaiters.RemoveAt(i);
            }
        }
    }
}
