using ZenWebsocket.Binance;
using ZenWebsocket.Cli.Commands;
using ZenWebsocket.Cli.Tests.Support;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Cli.Tests.Commands;

public sealed class BinanceCommandTests : IAsyncLifetime
{
    private BinanceSimulator _simulator = null!;

    /// <summary>The URL a user copies from <c>zenws simulate binance</c>'s line.</summary>
    private string Url => new Uri(_simulator.StreamUrl, "/ws").ToString();

    private string ApiUrl => _simulator.ApiUrl.ToString();

    public async Task InitializeAsync() => _simulator = await BinanceSimulator.StartAsync(new BinanceSimulatorOptions());

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task Book_against_the_simulator_syncs_and_prints_best_bid_ask_per_update()
    {
        var run = await CliRun.InvokeAsync("binance", "book", "btcusdt", "--url", Url, "--count", "4");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Matches(@"^synced BTCUSDT at update \d+$", run.OutputLines[0]);
        var books = run.OutputLines.Skip(1).ToArray();
        Assert.Equal(4, books.Length);
        Assert.All(books, l => Assert.Matches(@"^book BTCUSDT bid [\d.]+ x [\d.]+ ask [\d.]+ x [\d.]+ spread [\d.]+ levels 10/10 update \d+$", l));
        var updates = books.Select(l => long.Parse(l.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(updates.Order(), updates);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Trades_and_ticker_print_typed_lines()
    {
        var trades = await CliRun.InvokeAsync("binance", "trades", "ETHUSDT", "--url", Url, "--count", "2");
        var ticker = await CliRun.InvokeAsync("binance", "ticker", "ETHUSDT", "--url", Url, "--count", "2");

        Assert.True(trades.ExitCode == ExitCodes.Ok, trades.ToString());
        Assert.Equal(2, trades.OutputLines.Count);
        Assert.All(trades.OutputLines, l => Assert.Matches(@"^trade ETHUSDT (buy|sell) [\d.]+ @ [\d.]+ id \d+$", l));
        Assert.True(ticker.ExitCode == ExitCodes.Ok, ticker.ToString());
        Assert.Equal(2, ticker.OutputLines.Count);
        Assert.All(ticker.OutputLines, l => Assert.Matches(@"^ticker ETHUSDT bid [\d.]+ x [\d.]+ ask [\d.]+ x [\d.]+ update \d+$", l));
    }

    [Fact]
    public async Task Duration_stops_the_stream_with_exit_0()
    {
        var run = await CliRun.InvokeAsync("binance", "ticker", "BTCUSDT", "--url", Url, "--duration", "0.5");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task An_unknown_symbol_is_one_line_with_binances_code_and_exit_2()
    {
        var run = await CliRun.InvokeAsync("binance", "book", "NOSUCHPAIR", "--url", Url, "--count", "1");

        Assert.True(run.ExitCode == ExitCodes.BadInput, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("NOSUCHPAIR", line, StringComparison.Ordinal);
        Assert.Contains("-1121", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buy_status_open_and_cancel_with_the_hmac_key()
    {
        string[] key = ["--url", ApiUrl, "--api-key", BinanceSimKeys.HmacApiKey, "--secret", BinanceSimKeys.HmacSecret];

        var buy = await CliRun.InvokeAsync(["binance", "order", "buy", "BTCUSDT", "--quantity", "0.01", "--price", "50000", "--client-order-id", "cli-1", .. key]);
        Assert.True(buy.ExitCode == ExitCodes.Ok, buy.ToString());
        var placed = Assert.Single(buy.OutputLines);
        Assert.Matches(@"^order \d+ New Buy BTCUSDT Limit quantity 0\.01\d* price 50000\.?\d* filled 0\.?\d* client cli-1$", placed);

        var status = await CliRun.InvokeAsync(["binance", "order", "status", "BTCUSDT", "--client-order-id", "cli-1", .. key]);
        Assert.True(status.ExitCode == ExitCodes.Ok, status.ToString());
        Assert.Equal(placed, Assert.Single(status.OutputLines));

        var open = await CliRun.InvokeAsync(["binance", "order", "open", .. key]);
        Assert.True(open.ExitCode == ExitCodes.Ok, open.ToString());
        Assert.Contains(placed, open.OutputLines);

        var cancel = await CliRun.InvokeAsync(["binance", "order", "cancel", "BTCUSDT", "--client-order-id", "cli-1", .. key]);
        Assert.True(cancel.ExitCode == ExitCodes.Ok, cancel.ToString());
        Assert.Matches(@"^order \d+ Canceled Buy BTCUSDT ", Assert.Single(cancel.OutputLines));
        Assert.DoesNotContain(_simulator.Orders("BTCUSDT"), o => o.Status is "NEW");

        foreach (var run in new[] { buy, status, open, cancel })
        {
            Assert.DoesNotContain(BinanceSimKeys.HmacSecret, run.Output + run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_market_sell_with_an_ed25519_key_file_from_the_environment_fills()
    {
        var file = Path.Combine(Path.GetTempPath(), $"zenws-ed25519-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(file, BinanceSimKeys.Ed25519PrivateKeyPem);
        try
        {
            var environment = new Dictionary<string, string>
            {
                [BinanceCommand.ApiKeyVariable] = BinanceSimKeys.Ed25519ApiKey,
                [BinanceCommand.PrivateKeyFileVariable] = file,
            };

            var (exit, output, error) = await CliRun.InvokeAsync(context => BinanceCommand.Create(context, name => environment.GetValueOrDefault(name)), "binance", "order", "sell", "ETHUSDT", "--quantity", "0.5", "--url", ApiUrl);

            Assert.True(exit == ExitCodes.Ok, error);
            Assert.Matches(@"^order \d+ Filled Sell ETHUSDT Market quantity 0\.5\d* price \S+ filled 0\.5\d* client zen-\S+\r?\n$", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_wrong_secret_exits_1_with_the_explanation_and_never_prints_the_secret()
    {
        var run = await CliRun.InvokeAsync("binance", "order", "open", "--url", ApiUrl, "--api-key", BinanceSimKeys.HmacApiKey, "--secret", "wrong-secret");

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains(new ZenAuthenticationException("x").Explain(), line, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_binance_rejects_is_one_line_with_its_code_and_exit_2()
    {
        var run = await CliRun.InvokeAsync("binance", "order", "cancel", "BTCUSDT", "--order-id", "987654", "--url", ApiUrl, "--api-key", BinanceSimKeys.HmacApiKey, "--secret", BinanceSimKeys.HmacSecret);

        Assert.True(run.ExitCode == ExitCodes.BadInput, run.ToString());
        Assert.Contains("-2011", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_credentials_are_one_line_and_exit_2_without_connecting()
    {
        var (exit, output, error) = await CliRun.InvokeAsync(context => BinanceCommand.Create(context, _ => null), "binance", "order", "open", "--url", ApiUrl);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Empty(output);
        Assert.Contains(BinanceCommand.ApiKeyVariable, Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), StringComparison.Ordinal);
        Assert.Equal(0, _simulator.AcceptedApiConnections);
    }

    [Theory]
    [InlineData("binance", "book", "BTC/USDT", "--count", "1")]
    [InlineData("binance", "trades", "BTCUSDT", "--url", "not a url")]
    [InlineData("binance", "ticker", "BTCUSDT", "--url", "ws://localhost:1/ws", "--testnet")]
    [InlineData("binance", "ticker", "BTCUSDT", "--count", "0")]
    [InlineData("binance", "order", "buy", "BTCUSDT")]
    [InlineData("binance", "order", "buy", "BTCUSDT", "--quantity", "-1")]
    [InlineData("binance", "order", "sell", "BTCUSDT", "--quantity", "1", "--price", "0")]
    [InlineData("binance", "order", "buy", "BTCUSDT", "--quantity", "1", "--client-order-id", "has space")]
    [InlineData("binance", "order", "cancel", "BTCUSDT")]
    [InlineData("binance", "order", "cancel", "BTCUSDT", "--order-id", "1", "--client-order-id", "x")]
    [InlineData("binance", "order", "status", "BTCUSDT", "--order-id", "abc")]
    [InlineData("binance", "order", "open", "--secret", "s", "--private-key-file", "/nonexistent.pem", "--api-key", "k")]
    [InlineData("binance", "order", "open", "--private-key-file", "/nonexistent/key.pem", "--api-key", "k")]
    public async Task Bad_input_is_one_line_and_exit_2(params string[] args)
    {
        var run = await CliRun.InvokeAsync(args);

        Assert.True(run.ExitCode == ExitCodes.BadInput, run.ToString());
        Assert.Single(run.ErrorLines);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Endpoints_default_to_production_and_a_url_serves_all_three_from_its_host()
    {
        Assert.Equal(BinanceEndpoints.Production, BinanceCommand.Endpoints(null, testnet: false));
        Assert.Equal(BinanceEndpoints.Testnet, BinanceCommand.Endpoints(null, testnet: true));
        var local = BinanceCommand.Endpoints(new Uri("ws://127.0.0.1:8765/ws"), testnet: false);
        Assert.Equal(new Uri("ws://127.0.0.1:8765/ws-api/v3"), local.Api);
        Assert.Equal(new Uri("http://127.0.0.1:8765"), local.Rest);
    }

    [Fact]
    public void Settings_and_key_input_never_show_secrets()
    {
        var settings = new BinanceOrderSettings(BinanceOrderAction.Open, BinanceEndpoints.Production, "key", "top-secret", "-----BEGIN PRIVATE KEY-----");
        var key = new BinanceKeyInput("key", "top-secret", "-----BEGIN PRIVATE KEY-----");

        Assert.DoesNotContain("top-secret", settings.ToString() + key, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", settings.ToString() + key, StringComparison.Ordinal);
    }
}
