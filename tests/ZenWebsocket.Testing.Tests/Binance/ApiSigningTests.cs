using System.Text.Json.Nodes;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Testing.Tests.Binance;

public sealed class ApiSigningTests
{
    private const string VectorPayload =
        "apiKey=vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A&price=52000.00&quantity=0.01000000&recvWindow=100&side=SELL&symbol=BTCUSDT&timeInForce=GTC&timestamp=1645423376532&type=LIMIT";

    private const string VectorSignature = "aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24";

    [Fact]
    public void The_engine_builds_the_B61_payload_and_its_HMAC_matches_the_published_vector()
    {
        var request = ApiRequest.Parse(
            """
            {"id":1,"method":"order.place","params":{"symbol":"BTCUSDT","side":"SELL","type":"LIMIT","timeInForce":"GTC",
             "quantity":"0.01000000","price":"52000.00","recvWindow":100,"timestamp":1645423376532,
             "apiKey":"vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A","signature":"x"}}
            """,
            out _);

        var payload = ApiSignatures.Payload(request);

        Assert.Equal(VectorPayload, payload);
        Assert.Equal(VectorSignature, ApiSignatures.Hmac(BinanceSimKeys.HmacSecret, payload));
        Assert.True(new ApiSignatures(BinanceSimAccount.Default.Keys[0]).Verify(payload, VectorSignature.ToUpperInvariant()));
    }

    [Fact]
    public void An_HMAC_signed_order_is_accepted_and_a_v3_prefixed_method_names_the_same_method()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();

        var response = harness.Call(connection, session, "v3/order.place", harness.Hmac(ApiHarness.Limit("BUY", "50000.00", "0.01")));

        ApiAssert.Ok(response);
        Assert.Equal("NEW", response.Result().Text("status"));
        Assert.Equal(1, harness.Engine.RequestsReceived("order.place"));
    }

    [Fact]
    public void Ed25519_and_RSA_signed_requests_are_verified()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();

        ApiAssert.Ok(harness.Call(connection, session, "account.status", harness.Ed25519([])));
        ApiAssert.Ok(harness.Call(connection, session, "account.status", harness.Rsa([])));
        var tampered = harness.Ed25519([]);
        tampered["omitZeroBalances"] = true;
        ApiAssert.Error(harness.Call(connection, session, "account.status", tampered), 400, -1022, "Signature for this request is not valid.");
    }

    [Fact]
    public void A_bad_signature_gives_1022()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        var parameters = harness.Hmac(ApiHarness.Limit("BUY", "50000.00", "0.01"), secret: "not-the-secret");

        ApiAssert.Error(harness.Call(connection, session, "order.place", parameters), 400, -1022, "Signature for this request is not valid.");
        Assert.Empty(harness.Engine.Orders(null));
    }

    [Fact]
    public void An_unknown_key_gives_2015()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();

        var response = harness.Call(connection, session, "order.place", harness.Hmac(ApiHarness.Limit("BUY", "50000.00", "0.01"), apiKey: "nobody"));

        ApiAssert.Error(response, 401, -2015, "Invalid API-key, IP, or permissions for action.");
    }

    [Fact]
    public void A_read_only_key_may_read_the_account_but_not_place_orders()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        JsonObject ReadOnly(JsonObject p) => harness.Hmac(p, BinanceSimKeys.ReadOnlyApiKey, BinanceSimKeys.ReadOnlySecret);

        ApiAssert.Ok(harness.Call(connection, session, "account.status", ReadOnly([])));
        ApiAssert.Error(harness.Call(connection, session, "order.place", ReadOnly(ApiHarness.Limit("BUY", "50000.00", "0.01"))), 401, -2015);
    }

    [Fact]
    public void A_timestamp_1000ms_ahead_of_the_server_gives_1021()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();

        var ahead = harness.Call(connection, session, "account.status", harness.Hmac([], timestamp: harness.NowMs + 1000));
        var justInside = harness.Call(connection, session, "account.status", harness.Hmac([], timestamp: harness.NowMs + 999));

        ApiAssert.Error(ahead, 400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        ApiAssert.Ok(justInside);
    }

    [Fact]
    public void A_timestamp_older_than_the_recvWindow_gives_1021()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();
        var sent = harness.NowMs;
        var withWindow = new JsonObject { ["recvWindow"] = 100 };

        harness.Time.Advance(TimeSpan.FromMilliseconds(101));
        var late = harness.Call(connection, session, "account.status", harness.Hmac(withWindow, timestamp: sent));
        var defaultWindow = harness.Call(connection, session, "account.status", harness.Hmac([], timestamp: sent));

        ApiAssert.Error(late, 400, -1021, "Timestamp for this request is outside of the recvWindow.");
        ApiAssert.Ok(defaultWindow);
    }

    [Fact]
    public void A_recvWindow_above_the_maximum_is_refused()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();

        var response = harness.Call(connection, session, "account.status", harness.Hmac(new JsonObject { ["recvWindow"] = 60_001 }));

        ApiAssert.Error(response, 400, -1131);
    }

    [Fact]
    public void A_signed_method_without_credentials_names_the_missing_parameter()
    {
        using var harness = new ApiHarness();
        var (connection, session) = harness.Connect();

        var response = harness.Call(connection, session, "account.status", harness.Timestamped([]));

        ApiAssert.Error(response, 400, -1102, "Mandatory parameter 'apiKey' was not sent, was empty/null, or malformed.");
    }

    [Fact]
    public void The_api_key_record_never_shows_its_secret()
    {
        var key = new BinanceSimApiKey("id", BinanceSimKeyType.Hmac, "very-secret");

        Assert.DoesNotContain("very-secret", key.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(BinanceSimKeys.HmacSecret, BinanceSimAccount.Default.ToString(), StringComparison.Ordinal);
    }
}
