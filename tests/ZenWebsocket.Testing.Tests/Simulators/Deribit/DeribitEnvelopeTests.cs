using System.Text.Json;
using ZenWebsocket.Testing.Simulators.Deribit;

namespace ZenWebsocket.Testing.Tests.Simulators.Deribit;

public class DeribitEnvelopeTests
{
    [Fact]
    public async Task Get_time_answers_with_the_full_Deribit_envelope()
    {
        var clock = Sim.Clock();
        await using var sim = await Sim.StartQuietAsync(clock);
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);

        var response = await client.CallAsync("public/get_time");

        Assert.Equal("2.0", response.GetProperty("jsonrpc").GetString());
        Assert.Equal(1, response.GetProperty("id").GetInt32());
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), response.GetProperty("result").GetInt64());
        Assert.False(response.GetProperty("testnet").GetBoolean());
        var usIn = response.GetProperty("usIn").GetInt64();
        var usOut = response.GetProperty("usOut").GetInt64();
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000, usIn);
        Assert.Equal(usOut - usIn, response.GetProperty("usDiff").GetInt64());
        Assert.False(response.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task A_string_id_is_echoed_as_a_string()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);

        await client.SendRawAsync("""{"jsonrpc":"2.0","id":"abc-7","method":"public/test","params":{}}""");
        var response = await client.NextAsync(m => m.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String);

        Assert.Equal("abc-7", response.GetProperty("id").GetString());
        Assert.Equal("1.2.26", response.GetProperty("result").GetProperty("version").GetString());
    }

    [Theory]
    [InlineData("not json", -32700)]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"public/test"}]""", 11050)]
    [InlineData("""{"jsonrpc":"2.0","method":"public/test","params":{}}""", 11050)]
    [InlineData("""{"jsonrpc":"2.0","id":5,"method":"public/test","params":[1,2]}""", -32602)]
    [InlineData("""{"jsonrpc":"2.0","id":5,"method":"public/nope","params":{}}""", -32601)]
    [InlineData("""{"jsonrpc":"2.0","id":5,"method":"public/ticker","params":{}}""", -32000)]
    [InlineData("""{"jsonrpc":"2.0","id":5,"method":"public/ticker","params":{"instrument_name":"NOPE"}}""", 10020)]
    [InlineData("""{"jsonrpc":"2.0","id":5,"method":"public/test","params":{"expected_result":"exception"}}""", 11094)]
    public async Task Bad_requests_get_the_Deribit_error_code(string request, int code)
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);

        await client.SendRawAsync(request);
        var response = await client.NextAsync(m => m.TryGetProperty("error", out _));

        Assert.Equal(code, DeribitClient.ErrorCode(response));
        Assert.True(response.TryGetProperty("usDiff", out _));
        Assert.False(response.TryGetProperty("result", out _));
    }

    [Fact]
    public async Task Hello_status_currencies_and_instruments_answer()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);

        var hello = await client.ResultAsync("public/hello", new { client_name = "tests", client_version = "1.0" });
        var status = await client.ResultAsync("public/status");
        var currencies = await client.ResultAsync("public/get_currencies");
        var instruments = await client.ResultAsync("public/get_instruments", new { currency = "BTC" });
        var index = await client.ResultAsync("public/get_index_price", new { index_name = "btc_usd" });

        Assert.Equal("1.2.26", hello.GetProperty("version").GetString());
        Assert.Equal("false", status.GetProperty("locked").GetString());
        Assert.Contains(currencies.EnumerateArray(), c => c.GetProperty("currency").GetString() == "ETH");
        var perpetual = instruments.EnumerateArray().Single(i => i.GetProperty("instrument_name").GetString() == "BTC-PERPETUAL");
        Assert.Equal(0.5m, perpetual.GetProperty("tick_size").GetDecimal());
        Assert.Equal(10m, perpetual.GetProperty("contract_size").GetDecimal());
        Assert.Contains(instruments.EnumerateArray(), i => i.GetProperty("kind").GetString() == "option");
        Assert.All(instruments.EnumerateArray(), i => Assert.StartsWith("BTC-", i.GetProperty("instrument_name").GetString(), StringComparison.Ordinal));
        Assert.True(index.GetProperty("index_price").GetDecimal() > 0);
        Assert.Equal(1, sim.RequestCount("public/hello"));
    }

    [Fact]
    public async Task Ticker_and_order_book_describe_the_seeded_book()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);

        var ticker = await client.ResultAsync("public/ticker", new { instrument_name = "BTC-PERPETUAL" });
        var book = await client.ResultAsync("public/get_order_book", new { instrument_name = "BTC-PERPETUAL", depth = 5 });

        var bid = ticker.GetProperty("best_bid_price").GetDecimal();
        var ask = ticker.GetProperty("best_ask_price").GetDecimal();
        Assert.True(bid < ask);
        Assert.Equal(0m, (ask - bid) % 0.5m);
        Assert.Equal(5, book.GetProperty("bids").GetArrayLength());
        Assert.Equal(bid, book.GetProperty("bids")[0][0].GetDecimal());
        Assert.Equal(ask, book.GetProperty("asks")[0][0].GetDecimal());
        Assert.True(book.GetProperty("change_id").GetInt64() > 0);
    }

    [Fact]
    public async Task Invalid_options_name_the_option()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => DeribitSimulator.StartAsync(new DeribitSimulatorOptions { MaxConnectionsPerIp = 0 }));
        Assert.Contains("MaxConnectionsPerIp", error.Message, StringComparison.Ordinal);
        var duplicate = await Assert.ThrowsAsync<ArgumentException>(() => DeribitSimulator.StartAsync(new DeribitSimulatorOptions
        {
            Accounts = [DeribitAccount.Default, DeribitAccount.Default],
        }));
        Assert.Contains("Accounts", duplicate.Message, StringComparison.Ordinal);
    }
}
