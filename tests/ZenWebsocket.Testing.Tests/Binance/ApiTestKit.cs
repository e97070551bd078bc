using System.Globalization;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Testing.Tests.Binance;

/// <summary>A recording <see cref="IApiConnection"/>: the engine's frames land in <see cref="Frames"/>.</summary>
internal sealed class RecordingApiConnection(string ip, IReadOnlyDictionary<string, string>? query = null) : IApiConnection
{
    public string Ip { get; } = ip;

    public IReadOnlyDictionary<string, string> Query { get; } = query ?? new Dictionary<string, string>();

    public List<string> Frames { get; } = [];

    public WebSocketCloseStatus? ClosedWith { get; private set; }

    public bool Aborted { get; private set; }

    public bool TrySend(string json)
    {
        if (ClosedWith is not null || Aborted)
        {
            return false;
        }

        Frames.Add(json);
        return true;
    }

    public void Close(WebSocketCloseStatus status, string reason) => ClosedWith ??= status;

    public void Abort() => Aborted = true;

    /// <summary>Returns and forgets the frames received so far, parsed.</summary>
    public List<JsonElement> Take()
    {
        var frames = Frames.Select(f => JsonDocument.Parse(f).RootElement.Clone()).ToList();
        Frames.Clear();
        return frames;
    }
}

/// <summary>A market with fixed tops (a fake of the <see cref="IMarketView"/> seam, for engine unit tests).</summary>
internal sealed class FixedMarket(TimeProvider time) : IMarketView
{
    private readonly Dictionary<string, (decimal Bid, decimal Ask)> _tops = new(StringComparer.Ordinal)
    {
        ["BTCUSDT"] = (59_999.99m, 60_000.01m),
        ["ETHUSDT"] = (2_999.99m, 3_000.01m),
        ["BNBUSDT"] = (599.99m, 600.01m),
        ["ETHBTC"] = (0.04999m, 0.05001m),
    };

    public event Action<string>? Moved;

    public IReadOnlyList<BinanceSimSymbol> Symbols => BinanceSimSymbol.Defaults;

    public TimeProvider Time { get; } = time;

    public BinanceSimSymbol? Find(string symbol) => Symbols.FirstOrDefault(s => s.Symbol == symbol);

    public bool TryGetTop(string symbol, out decimal bestBid, out decimal bestAsk)
    {
        var found = _tops.TryGetValue(symbol, out var top);
        (bestBid, bestAsk) = top;
        return found;
    }

    public DepthSnapshot? GetSnapshot(string symbol, int limit) =>
        _tops.TryGetValue(symbol, out var top)
            ? new DepthSnapshot(77, [new PriceLevel(top.Bid, 1m)], [new PriceLevel(top.Ask, 2m)])
            : null;

    public void Move(string symbol, decimal bid, decimal ask)
    {
        _tops[symbol] = (bid, ask);
        Moved?.Invoke(symbol);
    }
}

/// <summary>An engine on a fake clock with a fixed market, and a client side that builds and signs requests.</summary>
internal sealed class ApiHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, 0, TimeSpan.Zero);

    private int _nextId = 1;

    public ApiHarness(BinanceApiOptions? api = null, DateTimeOffset? start = null)
    {
        Time = new FakeTimeProvider(start ?? Start);
        Market = new FixedMarket(Time);
        Engine = new ApiEngine(new BinanceSimulatorOptions { TimeProvider = Time, Api = api ?? new BinanceApiOptions() }, Market);
    }

    public FakeTimeProvider Time { get; }

    public FixedMarket Market { get; }

    public ApiEngine Engine { get; }

    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    public (RecordingApiConnection Connection, ApiSession Session) Connect(string ip = "10.0.0.1", IReadOnlyDictionary<string, string>? query = null)
    {
        var connection = new RecordingApiConnection(ip, query);
        return (connection, Engine.Connect(connection));
    }

    /// <summary>Sends a request and returns every frame it caused (the response is the one with the request's id).</summary>
    public List<JsonElement> Send(RecordingApiConnection connection, ApiSession session, string method, JsonObject? parameters = null)
    {
        var id = _nextId++;
        var request = new JsonObject { ["id"] = id, ["method"] = method };
        if (parameters is not null)
        {
            request["params"] = parameters;
        }

        Engine.Receive(session, request.ToJsonString());
        return connection.Take();
    }

    /// <summary>Sends a request and returns its response (the frame with an <c>id</c>).</summary>
    public JsonElement Call(RecordingApiConnection connection, ApiSession session, string method, JsonObject? parameters = null) =>
        Send(connection, session, method, parameters).Single(f => f.TryGetProperty("status", out _));

    /// <summary>Adds apiKey (unless null), timestamp and the signature of <paramref name="sign"/> over the sorted params.</summary>
    public JsonObject Signed(JsonObject parameters, string? apiKey, Func<string, string> sign, long? timestamp = null)
    {
        if (apiKey is not null)
        {
            parameters["apiKey"] = apiKey;
        }

        parameters["timestamp"] = timestamp ?? NowMs;
        parameters["signature"] = sign(Payload(parameters));
        return parameters;
    }

    public JsonObject Hmac(JsonObject parameters, string apiKey = BinanceSimKeys.HmacApiKey, string secret = BinanceSimKeys.HmacSecret, long? timestamp = null) =>
        Signed(parameters, apiKey, payload => HmacHex(secret, payload), timestamp);

    public JsonObject Ed25519(JsonObject parameters, long? timestamp = null) =>
        Signed(parameters, BinanceSimKeys.Ed25519ApiKey, Ed25519Sign, timestamp);

    public JsonObject Rsa(JsonObject parameters) => Signed(parameters, BinanceSimKeys.RsaApiKey, RsaSign);

    /// <summary>The logged-on form: only a timestamp.</summary>
    public JsonObject Timestamped(JsonObject parameters)
    {
        parameters["timestamp"] = NowMs;
        return parameters;
    }

    /// <summary>B.6.1 payload, written independently of the engine: sorted by name, strings raw, other values as JSON text.</summary>
    public static string Payload(JsonObject parameters) => string.Join(
        "&",
        parameters.Where(p => p.Key != "signature").OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + (p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value!.ToJsonString())));

    public static string HmacHex(string secret, string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)));

    public static string Ed25519Sign(string payload)
    {
        var pem = BinanceSimKeys.Ed25519PrivateKeyPem;
        var fields = PemEncoding.Find(pem);
        var key = (Ed25519PrivateKeyParameters)PrivateKeyFactory.CreateKey(Convert.FromBase64String(pem[fields.Base64Data]));
        var signer = new Ed25519Signer();
        signer.Init(true, key);
        var data = Encoding.UTF8.GetBytes(payload);
        signer.BlockUpdate(data, 0, data.Length);
        return Convert.ToBase64String(signer.GenerateSignature());
    }

    public static string RsaSign(string payload)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(BinanceSimKeys.RsaPrivateKeyPem);
        return Convert.ToBase64String(rsa.SignData(Encoding.UTF8.GetBytes(payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    public static JsonObject Limit(string side, string price, string quantity, string symbol = "BTCUSDT", string timeInForce = "GTC") => new()
    {
        ["symbol"] = symbol,
        ["side"] = side,
        ["type"] = "LIMIT",
        ["timeInForce"] = timeInForce,
        ["price"] = price,
        ["quantity"] = quantity,
    };

    public void Dispose() => Engine.Dispose();
}

/// <summary>Assertions on WebSocket API frames.</summary>
internal static class ApiAssert
{
    public static void Ok(JsonElement response)
    {
        Assert.True(response.GetProperty("status").GetInt32() == 200, $"Expected 200, got {response}");
    }

    public static void Error(JsonElement response, int status, int code, string? message = null)
    {
        Assert.True(
            response.GetProperty("status").GetInt32() == status && response.GetProperty("error").GetProperty("code").GetInt32() == code,
            $"Expected {status}/{code}, got {response}");
        if (message is not null)
        {
            Assert.Equal(message, response.GetProperty("error").GetProperty("msg").GetString());
        }
    }

    public static string Text(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static decimal Amount(this JsonElement element, string name) =>
        decimal.Parse(element.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    public static JsonElement Result(this JsonElement response) => response.GetProperty("result");

    public static IEnumerable<JsonElement> Events(this IEnumerable<JsonElement> frames) =>
        frames.Where(f => f.TryGetProperty("subscriptionId", out _) && f.TryGetProperty("event", out _)).Select(f => f.GetProperty("event"));
}
