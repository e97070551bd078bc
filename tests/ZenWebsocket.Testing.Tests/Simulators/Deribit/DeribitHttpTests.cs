using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ZenWebsocket.Testing.Tests.Simulators.Deribit;

public class DeribitHttpTests
{
    [Fact]
    public async Task Get_with_query_params_answers_public_methods()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        using var http = new HttpClient { Timeout = Client.Bound };

        var (timeStatus, time) = await GetAsync(http, $"{sim.HttpUrl}/public/get_time");
        var (tickerStatus, ticker) = await GetAsync(http, $"{sim.HttpUrl}/public/ticker?instrument_name=ETH-PERPETUAL");

        Assert.Equal(HttpStatusCode.OK, timeStatus);
        Assert.Equal(Sim.Start.ToUnixTimeMilliseconds(), time.GetProperty("result").GetInt64());
        Assert.True(time.TryGetProperty("usDiff", out _));
        Assert.Equal(HttpStatusCode.OK, tickerStatus);
        Assert.Equal("ETH-PERPETUAL", ticker.GetProperty("result").GetProperty("instrument_name").GetString());
    }

    [Fact]
    public async Task Post_auth_then_private_calls_with_bearer_or_basic()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        using var http = new HttpClient { Timeout = Client.Bound };

        var auth = await PostAsync(http, $"{sim.HttpUrl}/public/auth", """{"jsonrpc":"2.0","id":3,"method":"public/auth","params":{"grant_type":"client_credentials","client_id":"sim-client","client_secret":"sim-secret"}}""");
        var token = auth.GetProperty("result").GetProperty("access_token").GetString();
        using var withBearer = new HttpRequestMessage(HttpMethod.Get, $"{sim.HttpUrl}/private/get_account_summary?currency=BTC");
        withBearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var summary = await http.SendAsync(withBearer);
        var (anonymousStatus, anonymous) = await GetAsync(http, $"{sim.HttpUrl}/private/get_account_summary?currency=BTC");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("sim-client:sim-secret")));
        var buy = await PostAsync(http, $"{sim.HttpUrl}/private/buy", """{"jsonrpc":"2.0","id":4,"method":"private/buy","params":{"instrument_name":"BTC-PERPETUAL","amount":10,"price":50000}}""");
        var (codStatus, cod) = await GetAsync(http, $"{sim.HttpUrl}/private/enable_cancel_on_disconnect?scope=connection");

        Assert.Equal(3, auth.GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        Assert.Equal("BTC", JsonDocument.Parse(await summary.Content.ReadAsStringAsync()).RootElement.GetProperty("result").GetProperty("currency").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, anonymousStatus);
        Assert.Equal(13009, DeribitClient.ErrorCode(anonymous));
        Assert.Equal("open", buy.GetProperty("result").GetProperty("order").GetProperty("order_state").GetString());
        Assert.Equal(0, Assert.Single(sim.OpenOrders).ConnectionId);
        Assert.Equal(HttpStatusCode.BadRequest, codStatus);
        Assert.Equal(10030, DeribitClient.ErrorCode(cod));
    }

    [Fact]
    public async Task WebSocket_only_methods_over_HTTP_are_10030()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        using var http = new HttpClient { Timeout = Client.Bound };

        var (_, subscribe) = await GetAsync(http, $"{sim.HttpUrl}/public/subscribe");
        var (_, heartbeat) = await GetAsync(http, $"{sim.HttpUrl}/public/set_heartbeat?interval=10");

        Assert.Equal(10030, DeribitClient.ErrorCode(subscribe));
        Assert.Equal(10030, DeribitClient.ErrorCode(heartbeat));
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(new Uri(url));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string url, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(url), content);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
