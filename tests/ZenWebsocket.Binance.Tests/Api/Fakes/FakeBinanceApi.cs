using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using ZenWebsocket.Binance.Tests.Support;
using ZenWebsocket.Testing;

namespace ZenWebsocket.Binance.Tests.Api.Fakes;

/// <summary>
/// A small Binance WebSocket API on the MockWebSocketServer for the client's plumbing tests: it checks timestamps
/// against its own clock (B.6.1), verifies HMAC and Ed25519 signatures with its own payload builder, keeps
/// per-connection logon and user data state, and can drop a connection after executing a method.
/// </summary>
internal sealed class FakeBinanceApi : IAsyncDisposable
{
    public const string HmacApiKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    public const string HmacSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    public const string ReadOnlyApiKey = "ReadOnlyKeyReadOnlyKeyReadOnlyKeyReadOnlyKeyReadOnlyKeyReadOnly";
    public const string ReadOnlySecret = "ReadOnlySecretReadOnlySecretReadOnlySecretReadOnlySecretReadOnl";
    public const string Ed25519ApiKey = "Ed25519KeyEd25519KeyEd25519KeyEd25519KeyEd25519KeyEd25519KeyEd25";

    private readonly MockWebSocketServer _server;
    private readonly ConcurrentDictionary<int, ConnectionState> _connections = new();
    private readonly ConcurrentDictionary<string, JsonElement> _orders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _received = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Method, JsonElement Params)> _log = new();
    private readonly ConcurrentDictionary<string, int> _dropAfter = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _scriptedErrors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _revoked = new(StringComparer.Ordinal);
    private readonly Ed25519PublicKeyParameters _ed25519Public;
    private long _nextOrderId = 1000;
    private long _weightCount;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeBinanceApi(MockWebSocketServer server, string ed25519Pem, Ed25519PublicKeyParameters publicKey)
    {
        _server = server;
        Ed25519PrivateKeyPem = ed25519Pem;
        _ed25519Public = publicKey;
    }

    public Uri Url => _server.Url;

    public string Ed25519PrivateKeyPem { get; }

    public MockWebSocketServer Server => _server;

    public IEnumerable<(string Method, JsonElement Params)> Requests => _log;

    /// <summary>How the fake reads its own clock: the real time, plus an optional skew for the server side.</summary>
    public TimeSpan ServerSkew { get; set; }

    /// <summary>The REQUEST_WEIGHT limit the fake reports in <c>rateLimits</c> (it never enforces it).</summary>
    public int WeightLimit { get; set; } = 6000;

    public static async Task<FakeBinanceApi> StartAsync()
    {
        var (pem, publicKey, _) = Signing.BinanceSignerTests.NewEd25519Key();
        FakeBinanceApi? api = null;
        var server = await MockWebSocketServer.StartAsync(new MockServerOptions
        {
            Path = "/ws-api/v3",
            Handler = (connection, frame) => api!.HandleAsync(connection, frame),
        });
        api = new FakeBinanceApi(server, pem, publicKey);
        return api;
    }

    public int Received(string method) => _received.GetValueOrDefault(method);

    public bool HasOrder(string clientOrderId) => _orders.ContainsKey(clientOrderId);

    /// <summary>The next request of this method is executed and then its connection aborted, unanswered.</summary>
    public void DropAfterExecuting(string method, bool graceful = false) => _dropAfter[method] = graceful ? 1 : 0;

    /// <summary>The next request of this method gets this error JSON (the whole <c>error</c> object) and status.</summary>
    public void FailNext(string method, int status, string errorJson) => _scriptedErrors[method] = $"{status}|{errorJson}";

    public void Revoke(string apiKey) => _revoked[apiKey] = true;

    /// <summary>Sends a user data event to every connection with an active subscription.</summary>
    public async Task PushUserEventAsync(string eventJson)
    {
        foreach (var (id, state) in _connections)
        {
            if (state.SubscriptionId is { } subscription && _server.Connections.FirstOrDefault(c => c.Id == id) is { } connection)
            {
                await connection.SendTextAsync($"{{\"subscriptionId\":{subscription},\"event\":{eventJson}}}");
            }
        }
    }

    public Task WaitForAsync(string method, int count) => WaitUntilAsync(() => Received(method) >= count);

    /// <summary>Waits, bounded, until the condition holds; it is checked again after every request the fake handles.</summary>
    public async Task WaitUntilAsync(Func<bool> condition)
    {
        while (true)
        {
            var changed = Volatile.Read(ref _changed);
            if (condition())
            {
                return;
            }

            await changed.Task.Within();
        }
    }

    private void SignalChange() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private long Now() => (TimeProvider.System.GetUtcNow() + ServerSkew).ToUnixTimeMilliseconds();

    private async ValueTask HandleAsync(MockConnection connection, MockFrame frame)
    {
        try
        {
            await HandleCoreAsync(connection, frame);
        }
        finally
        {
            SignalChange();
        }
    }

    private async ValueTask HandleCoreAsync(MockConnection connection, MockFrame frame)
    {
        if (frame.Type != System.Net.WebSockets.WebSocketMessageType.Text)
        {
            return;
        }

        using var document = JsonDocument.Parse(frame.Data);
        var root = document.RootElement;
        var id = root.GetProperty("id").GetRawText();
        var method = root.GetProperty("method").GetString()!;
        var parameters = root.TryGetProperty("params", out var p) ? p.Clone() : default;
        var state = _connections.GetOrAdd(connection.Id, _ => new ConnectionState());
        _received.AddOrUpdate(method, 1, (_, n) => n + 1);
        _log.Enqueue((method, parameters));
        var weight = Interlocked.Add(ref _weightCount, method == "account.status" ? 20 : 1);
        var rateLimits = $"[{{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":{WeightLimit},\"count\":{weight}}}]";

        if (_scriptedErrors.TryRemove(method, out var scripted))
        {
            var parts = scripted.Split('|', 2);
            await connection.SendTextAsync($"{{\"id\":{id},\"status\":{parts[0]},\"error\":{parts[1]},\"rateLimits\":{rateLimits}}}");
            return;
        }

        string? result;
        try
        {
            result = Execute(method, parameters, state);
        }
        catch (FakeError error)
        {
            await connection.SendTextAsync($"{{\"id\":{id},\"status\":{error.Status},\"error\":{{\"code\":{error.Code},\"msg\":\"{error.Message}\"}},\"rateLimits\":{rateLimits}}}");
            return;
        }

        if (_dropAfter.TryRemove(method, out var graceful))
        {
            // Abort: the TCP connection just dies. Graceful: a close handshake, as a server that ends the session.
            if (graceful == 1)
            {
                await connection.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, "dropped");
            }
            else
            {
                connection.Abort();
            }

            return;
        }

        await connection.SendTextAsync($"{{\"id\":{id},\"status\":200,\"result\":{result},\"rateLimits\":{rateLimits}}}");
    }

    private string Execute(string method, JsonElement parameters, ConnectionState state)
    {
        switch (method)
        {
            case "time":
                return $"{{\"serverTime\":{Now()}}}";
            case "ping":
                return "{}";
            case "session.logon":
                var key = Authenticate(parameters, state, requireSignature: true);
                if (key != Ed25519ApiKey)
                {
                    throw new FakeError(400, -4056, "HMAC_SHA256 API key is not supported.");
                }

                state.LoggedOnKey = key;
                return SessionStatus(state);
            case "session.status":
                return SessionStatus(state);
            case "userDataStream.subscribe":
                if (state.LoggedOnKey is null)
                {
                    throw new FakeError(401, -2015, "Invalid API-key, IP, or permissions for action.");
                }

                state.SubscriptionId = state.NextSubscription++;
                return $"{{\"subscriptionId\":{state.SubscriptionId}}}";
            case "userDataStream.subscribe.signature":
                Authenticate(parameters, state, requireSignature: true);
                state.SubscriptionId = state.NextSubscription++;
                return $"{{\"subscriptionId\":{state.SubscriptionId}}}";
            case "userDataStream.unsubscribe":
                state.SubscriptionId = null;
                return "{}";
            case "order.place":
                if (Authenticate(parameters, state, requireSignature: false) == ReadOnlyApiKey)
                {
                    throw new FakeError(401, -2015, "Invalid API-key, IP, or permissions for action.");
                }

                return PlaceOrder(parameters);
            case "order.status":
                Authenticate(parameters, state, requireSignature: false);
                var clientOrderId = parameters.GetProperty("origClientOrderId").GetString()!;
                return _orders.TryGetValue(clientOrderId, out var order) ? order.GetRawText() : throw new FakeError(400, -2013, "Order does not exist.");
            case "account.status":
                Authenticate(parameters, state, requireSignature: false);
                return "{\"canTrade\":true,\"canWithdraw\":true,\"canDeposit\":true,\"updateTime\":1,\"accountType\":\"SPOT\",\"balances\":[{\"asset\":\"USDT\",\"free\":\"10000.00000000\",\"locked\":\"0.00000000\"}],\"permissions\":[\"SPOT\"],\"uid\":7}";
            default:
                throw new FakeError(400, -1000, "Unknown method.");
        }
    }

    private string PlaceOrder(JsonElement parameters)
    {
        var clientOrderId = parameters.GetProperty("newClientOrderId").GetString()!;
        var orderId = Interlocked.Increment(ref _nextOrderId);
        var json = $$"""
            {"symbol":"{{parameters.GetProperty("symbol").GetString()}}","orderId":{{orderId}},"orderListId":-1,"clientOrderId":"{{clientOrderId}}","transactTime":{{Now()}},"price":"{{parameters.GetProperty("price").GetString()}}","origQty":"{{parameters.GetProperty("quantity").GetString()}}","executedQty":"0.00000000","cummulativeQuoteQty":"0.00000000","status":"NEW","timeInForce":"GTC","type":"{{parameters.GetProperty("type").GetString()}}","side":"{{parameters.GetProperty("side").GetString()}}","workingTime":{{Now()}},"fills":[]}
            """;
        _orders[clientOrderId] = JsonDocument.Parse(json).RootElement.Clone();
        return json;
    }

    /// <summary>B.6.1: timestamp window first, then apiKey + signature, or the connection's logon.</summary>
    private string Authenticate(JsonElement parameters, ConnectionState state, bool requireSignature)
    {
        if (parameters.ValueKind != JsonValueKind.Object || !parameters.TryGetProperty("timestamp", out var ts))
        {
            throw new FakeError(400, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
        }

        var timestamp = ts.GetInt64();
        var recvWindow = parameters.TryGetProperty("recvWindow", out var rw) ? rw.GetInt64() : 5000;
        var now = Now();
        if (timestamp >= now + 1000)
        {
            throw new FakeError(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        }

        if (now - timestamp > recvWindow)
        {
            throw new FakeError(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        }

        if (!parameters.TryGetProperty("signature", out var signature))
        {
            if (requireSignature || state.LoggedOnKey is null)
            {
                throw new FakeError(400, -1022, "Signature for this request is not valid.");
            }

            return _revoked.ContainsKey(state.LoggedOnKey) ? throw new FakeError(401, -2015, "Invalid API-key, IP, or permissions for action.") : state.LoggedOnKey;
        }

        var apiKey = parameters.GetProperty("apiKey").GetString()!;
        if (_revoked.ContainsKey(apiKey))
        {
            throw new FakeError(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }

        var payload = Payload(parameters);
        var valid = apiKey switch
        {
            HmacApiKey => Hmac(HmacSecret, payload) == signature.GetString(),
            ReadOnlyApiKey => Hmac(ReadOnlySecret, payload) == signature.GetString(),
            Ed25519ApiKey => Signing.BinanceSignerTests.Verify(_ed25519Public, payload, signature.GetString()!),
            _ => throw new FakeError(401, -2015, "Invalid API-key, IP, or permissions for action."),
        };
        return valid ? apiKey : throw new FakeError(400, -1022, "Signature for this request is not valid.");
    }

    /// <summary>The fake's own payload builder: params except signature, ordinal by name, values as sent.</summary>
    private static string Payload(JsonElement parameters) => string.Join('&', parameters.EnumerateObject()
        .Where(p => p.Name != "signature")
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .Select(p => p.Name + "=" + (p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())));

    private static string Hmac(string secret, string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)));

    private string SessionStatus(ConnectionState state) => string.Create(CultureInfo.InvariantCulture, $$"""
        {"apiKey":{{(state.LoggedOnKey is null ? "null" : "\"" + state.LoggedOnKey + "\"")}},"authorizedSince":{{(state.LoggedOnKey is null ? "null" : Now().ToString(CultureInfo.InvariantCulture))}},"connectedSince":1,"returnRateLimits":true,"serverTime":{{Now()}},"userDataStream":{{(state.SubscriptionId is null ? "false" : "true")}}}
        """);

    private sealed class ConnectionState
    {
        public string? LoggedOnKey { get; set; }

        public long? SubscriptionId { get; set; }

        public long NextSubscription { get; set; }
    }

    private sealed class FakeError(int status, long code, string message) : Exception(message)
    {
        public int Status { get; } = status;

        public long Code { get; } = code;
    }
}
