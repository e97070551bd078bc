using System.Net.WebSockets;
using ZenWebsocket.Testing.Simulators.Deribit;

namespace ZenWebsocket.Testing.Tests.Simulators.Deribit;

public class DeribitAuthTests
{
    [Fact]
    public async Task Client_credentials_grant_a_token_remembered_by_the_connection()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);

        var auth = await client.AuthAsync();
        var summary = await client.ResultAsync("private/get_account_summary", new { currency = "BTC" });

        Assert.Equal(900, auth.GetProperty("expires_in").GetInt32());
        Assert.Equal("bearer", auth.GetProperty("token_type").GetString());
        Assert.False(string.IsNullOrEmpty(auth.GetProperty("access_token").GetString()));
        Assert.False(string.IsNullOrEmpty(auth.GetProperty("refresh_token").GetString()));
        Assert.Contains("trade:read_write", auth.GetProperty("scope").GetString(), StringComparison.Ordinal);
        Assert.Contains("connection", auth.GetProperty("scope").GetString(), StringComparison.Ordinal);
        Assert.Equal(10m, summary.GetProperty("balance").GetDecimal());
        var info = Assert.Single(sim.LastAuthByConnection).Value;
        Assert.Equal(("sim-client", "client_credentials"), (info.ClientId, info.GrantType));
    }

    [Fact]
    public async Task The_A3_signature_test_vector_authenticates()
    {
        var clock = Sim.Clock(DateTimeOffset.FromUnixTimeMilliseconds(1576074319000).AddSeconds(5));
        var options = Sim.Quiet(clock) with { Accounts = [new DeribitAccount("AMANDA", "AMANDASECRECT")] };
        await using var sim = await DeribitSimulator.StartAsync(options);
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);

        var auth = await client.ResultAsync("public/auth", new
        {
            grant_type = "client_signature",
            client_id = "AMANDA",
            timestamp = 1576074319000,
            nonce = "1iqt2wls",
            data = "",
            signature = "56590594f97921b09b18f166befe0d1319b198bbcdad7ca73382de2f88fe9aa1",
        });

        Assert.False(string.IsNullOrEmpty(auth.GetProperty("access_token").GetString()));
        Assert.Equal("client_signature", sim.LastAuthByConnection.Single().Value.GrantType);
    }

    [Theory]
    [InlineData(0, "56590594f97921b09b18f166befe0d1319b198bbcdad7ca73382de2f88fe9aa0")] // wrong signature
    [InlineData(61, "56590594f97921b09b18f166befe0d1319b198bbcdad7ca73382de2f88fe9aa1")] // outside the 60 s window
    public async Task A_bad_signature_or_a_stale_timestamp_is_13004(int secondsLater, string signature)
    {
        var clock = Sim.Clock(DateTimeOffset.FromUnixTimeMilliseconds(1576074319000).AddSeconds(secondsLater));
        await using var sim = await DeribitSimulator.StartAsync(Sim.Quiet(clock) with { Accounts = [new DeribitAccount("AMANDA", "AMANDASECRECT")] });
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);

        var response = await client.CallAsync("public/auth", new
        {
            grant_type = "client_signature", client_id = "AMANDA", timestamp = 1576074319000, nonce = "1iqt2wls", data = "", signature,
        });

        Assert.Equal(13004, DeribitClient.ErrorCode(response));
    }

    [Fact]
    public async Task Wrong_secret_is_13004_and_private_without_auth_is_13009()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);

        var wrong = await client.CallAsync("public/auth", new { grant_type = "client_credentials", client_id = "sim-client", client_secret = "nope" });
        var unauthorized = await client.CallAsync("private/get_positions", new { currency = "BTC" });

        Assert.Equal(13004, DeribitClient.ErrorCode(wrong));
        Assert.Equal(13009, DeribitClient.ErrorCode(unauthorized));
    }

    [Fact]
    public async Task An_expired_token_is_13009_and_a_refresh_brings_a_new_pair()
    {
        var clock = Sim.Clock();
        await using var sim = await DeribitSimulator.StartAsync(Sim.Quiet(clock) with { TokenLifetime = TimeSpan.FromSeconds(30) });
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        var auth = await client.AuthAsync();
        Assert.Equal(30, auth.GetProperty("expires_in").GetInt32());

        clock.Advance(TimeSpan.FromSeconds(31));
        var expired = await client.CallAsync("private/get_positions", new { currency = "BTC" });
        var refreshed = await client.ResultAsync("public/auth", new { grant_type = "refresh_token", refresh_token = auth.GetProperty("refresh_token").GetString() });
        var again = await client.CallAsync("public/auth", new { grant_type = "refresh_token", refresh_token = auth.GetProperty("refresh_token").GetString() });
        var positions = await client.ResultAsync("private/get_positions", new { currency = "BTC" });

        Assert.Equal(13009, DeribitClient.ErrorCode(expired));
        Assert.NotEqual(auth.GetProperty("access_token").GetString(), refreshed.GetProperty("access_token").GetString());
        Assert.NotEqual(auth.GetProperty("refresh_token").GetString(), refreshed.GetProperty("refresh_token").GetString());
        Assert.Equal(13009, DeribitClient.ErrorCode(again));
        Assert.Equal(0, positions.GetArrayLength());
    }

    [Fact]
    public async Task A_narrower_scope_is_granted_and_enforced()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);

        var auth = await client.ResultAsync("public/auth", new { grant_type = "client_credentials", client_id = "sim-client", client_secret = "sim-secret", scope = "trade:read session:bot" });
        var buy = await client.CallAsync("private/buy", new { instrument_name = "BTC-PERPETUAL", amount = 10, price = 1000 });
        var orders = await client.ResultAsync("private/get_open_orders_by_currency", new { currency = "BTC" });

        Assert.Contains("trade:read ", auth.GetProperty("scope").GetString() + " ", StringComparison.Ordinal);
        Assert.Contains("session:bot", auth.GetProperty("scope").GetString(), StringComparison.Ordinal);
        Assert.Equal(13021, DeribitClient.ErrorCode(buy));
        Assert.Equal(0, orders.GetArrayLength());
    }

    [Fact]
    public async Task Logout_sends_no_response_and_closes_normally()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        await client.AuthAsync();

        await client.SendRawAsync("""{"jsonrpc":"2.0","id":99,"method":"private/logout","params":{}}""");
        await client.Completion.WaitAsync(Client.Bound, TimeProvider.System);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.CloseStatus);
    }
}
