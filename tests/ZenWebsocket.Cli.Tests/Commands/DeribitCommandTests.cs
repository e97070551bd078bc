using System.Globalization;
using ZenWebsocket.Cli.Commands;
using ZenWebsocket.Cli.Tests.Support;
using ZenWebsocket.Testing.Simulators.Deribit;

namespace ZenWebsocket.Cli.Tests.Commands;

public sealed class DeribitCommandTests : IAsyncLifetime
{
    private const string Instrument = "BTC-PERPETUAL";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private DeribitSimulator _simulator = null!;

    private string Url => _simulator.WebSocketUrl.ToString();

    public async Task InitializeAsync() => _simulator = await DeribitSimulator.StartAsync(new DeribitSimulatorOptions());

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Theory]
    [InlineData("ticker", 3, @"^ticker BTC-PERPETUAL bid [\d.]+ x [\d.]+ ask [\d.]+ x [\d.]+ last \S+ mark [\d.]+ index [\d.]+$")]
    [InlineData("book", 3, @"^book BTC-PERPETUAL bid [\d.]+ x [\d.]+ ask [\d.]+ x [\d.]+ depth \d+/\d+ (snapshot|change) \d+$")]
    [InlineData("trades", 2, @"^trade BTC-PERPETUAL (buy|sell) [\d.]+ @ [\d.]+ id \S+ seq \d+$")]
    public async Task A_stream_prints_count_lines_of_its_shape_and_exits_0(string feed, int count, string line)
    {
        var run = await CliRun.InvokeAsync("deribit", feed, Instrument, "--url", Url, "--count", count.ToString(CultureInfo.InvariantCulture));

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal(count, run.OutputLines.Count);
        Assert.All(run.OutputLines, l => Assert.Matches(line, l));
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Duration_stops_the_stream_with_exit_0()
    {
        var run = await CliRun.InvokeAsync("deribit", "ticker", Instrument, "--url", Url, "--duration", "0.5");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Cancellation_stops_the_stream_with_exit_0()
    {
        var output = new LineSignalWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var settings = new DeribitStreamSettings(DeribitFeed.Ticker, Instrument, _simulator.WebSocketUrl);
        var run = DeribitStreamCommand.RunAsync(settings, TimeProvider.System, output, error, stop.Token);

        await output.WaitForLineAsync(l => l.StartsWith("ticker ", StringComparison.Ordinal), Bound);
        await stop.CancelAsync();
        var exit = await run.WaitAsync(Bound, TimeProvider.System);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task A_dropped_connection_prints_reconnecting_and_restored_markers()
    {
        var output = new LineSignalWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var settings = new DeribitStreamSettings(DeribitFeed.Ticker, Instrument, _simulator.WebSocketUrl);
        var run = DeribitStreamCommand.RunAsync(settings, TimeProvider.System, output, error, stop.Token);
        await output.WaitForLineAsync(l => l.StartsWith("ticker ", StringComparison.Ordinal), Bound);

        _simulator.DropAllConnections();

        await output.WaitForLineAsync(l => l.StartsWith("reconnecting ticker.BTC-PERPETUAL.100ms", StringComparison.Ordinal), Bound);
        await output.WaitForLineAsync(l => l.StartsWith("restored ticker.BTC-PERPETUAL.100ms", StringComparison.Ordinal), Bound);
        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await run.WaitAsync(Bound, TimeProvider.System));
    }

    [Fact]
    public async Task Buy_open_and_cancel_an_order_with_the_simulator_account()
    {
        string[] credentials = ["--url", Url, "--client-id", DeribitAccount.DefaultClientId, "--client-secret", DeribitAccount.DefaultClientSecret];

        var buy = await CliRun.InvokeAsync(["deribit", "order", "buy", Instrument, "--amount", "10", "--price", "30000", "--label", "cli-1", .. credentials]);
        Assert.True(buy.ExitCode == ExitCodes.Ok, buy.ToString());
        var placed = Assert.Single(buy.OutputLines);
        Assert.Matches(@"^order \S+ open buy BTC-PERPETUAL limit amount 10 price 30000 filled 0 label cli-1$", placed);
        var orderId = placed.Split(' ')[1];

        var open = await CliRun.InvokeAsync(["deribit", "order", "open", "--currency", "BTC", .. credentials]);
        Assert.True(open.ExitCode == ExitCodes.Ok, open.ToString());
        Assert.Contains(open.OutputLines, l => l.StartsWith($"order {orderId} open ", StringComparison.Ordinal));

        var otherCurrency = await CliRun.InvokeAsync(["deribit", "order", "open", "--currency", "ETH", .. credentials]);
        Assert.True(otherCurrency.ExitCode == ExitCodes.Ok, otherCurrency.ToString());
        Assert.DoesNotContain(otherCurrency.OutputLines, l => l.Contains(orderId, StringComparison.Ordinal));

        var cancel = await CliRun.InvokeAsync(["deribit", "order", "cancel", orderId, .. credentials]);
        Assert.True(cancel.ExitCode == ExitCodes.Ok, cancel.ToString());
        Assert.StartsWith($"order {orderId} cancelled ", Assert.Single(cancel.OutputLines), StringComparison.Ordinal);

        var after = await CliRun.InvokeAsync(["deribit", "order", "open", .. credentials]);
        Assert.True(after.ExitCode == ExitCodes.Ok, after.ToString());
        Assert.DoesNotContain(after.OutputLines, l => l.Contains(orderId, StringComparison.Ordinal));

        foreach (var run in new[] { buy, open, otherCurrency, cancel, after })
        {
            Assert.DoesNotContain(DeribitAccount.DefaultClientSecret, run.Output + run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Sell_reads_credentials_from_the_environment()
    {
        var environment = new Dictionary<string, string>
        {
            [DeribitCommand.ClientIdVariable] = DeribitAccount.DefaultClientId,
            [DeribitCommand.ClientSecretVariable] = DeribitAccount.DefaultClientSecret,
        };

        var (exit, output, error) = await CliRun.InvokeAsync(context => DeribitCommand.Create(context, name => environment.GetValueOrDefault(name)), "deribit", "order", "sell", Instrument, "--amount", "10", "--price", "90000", "--url", Url);

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Matches(@"^order \S+ open sell BTC-PERPETUAL limit amount 10 price 90000 filled 0 label zen-\S+\r?\n$", output);
        Assert.DoesNotContain(DeribitAccount.DefaultClientSecret, output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_credentials_are_one_line_and_exit_2()
    {
        var (exit, output, error) = await CliRun.InvokeAsync(context => DeribitCommand.Create(context, _ => null), "deribit", "order", "open", "--url", Url);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(DeribitCommand.ClientIdVariable, line, StringComparison.Ordinal);
        Assert.Equal(0, _simulator.TotalConnections);
    }

    [Fact]
    public async Task A_wrong_secret_exits_1_with_the_explanation()
    {
        var run = await CliRun.InvokeAsync("deribit", "order", "open", "--url", Url, "--client-id", DeribitAccount.DefaultClientId, "--client-secret", "wrong-secret");

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains(new ZenAuthenticationException("x").Explain(), line, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_instrument_is_rejected_by_deribit_with_exit_2()
    {
        var run = await CliRun.InvokeAsync("deribit", "ticker", "NO-SUCH-INSTRUMENT", "--url", Url, "--count", "1");

        Assert.True(run.ExitCode == ExitCodes.BadInput, run.ToString());
        Assert.Contains("NO-SUCH-INSTRUMENT", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deribit", "ticker", "BTC PERPETUAL!", "--count", "1")]
    [InlineData("deribit", "book", "BTC-PERPETUAL", "--url", "http://localhost:1/ws")]
    [InlineData("deribit", "trades", "BTC-PERPETUAL", "--url", "not a url")]
    [InlineData("deribit", "ticker", "BTC-PERPETUAL", "--url", "ws://localhost:1/ws", "--testnet")]
    [InlineData("deribit", "ticker", "BTC-PERPETUAL", "--count", "0")]
    [InlineData("deribit", "ticker", "BTC-PERPETUAL", "--duration", "-1")]
    [InlineData("deribit", "order", "buy", "BTC-PERPETUAL", "--amount", "-1")]
    [InlineData("deribit", "order", "buy", "BTC-PERPETUAL", "--amount", "ten")]
    [InlineData("deribit", "order", "sell", "BTC-PERPETUAL")]
    [InlineData("deribit", "order", "sell", "BTC-PERPETUAL", "--amount", "10", "--price", "0")]
    [InlineData("deribit", "order", "buy", "bad/instrument", "--amount", "10")]
    [InlineData("deribit", "order", "open", "--currency", "B1")]
    public async Task Bad_input_is_one_line_and_exit_2(params string[] args)
    {
        var run = await CliRun.InvokeAsync(args);

        Assert.True(run.ExitCode == ExitCodes.BadInput, run.ToString());
        Assert.Single(run.ErrorLines);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Credentials_prefer_options_then_the_environment_and_ignore_blanks()
    {
        var environment = new Dictionary<string, string> { [DeribitCommand.ClientIdVariable] = "env-id", [DeribitCommand.ClientSecretVariable] = "env-secret" };
        string? Env(string name) => environment.GetValueOrDefault(name);

        Assert.Equal(("opt-id", "opt-secret"), DeribitCommand.ResolveCredentials("opt-id", "opt-secret", Env));
        Assert.Equal(("env-id", "env-secret"), DeribitCommand.ResolveCredentials(null, " ", Env));
        Assert.Equal((null, null), DeribitCommand.ResolveCredentials(null, null, _ => null));
    }

    [Fact]
    public void Settings_never_show_the_secret()
    {
        var settings = new DeribitOrderSettings(DeribitOrderAction.Open, new Uri("ws://localhost/"), "id", "top-secret");

        Assert.DoesNotContain("top-secret", settings.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BTC-PERPETUAL", "BTC", true)]
    [InlineData("BTC_USDC-PERPETUAL", "btc", true)]
    [InlineData("ETH-PERPETUAL", "BTC", false)]
    [InlineData("BTCX-PERPETUAL", "BTC", false)]
    public void Currency_filter_matches_the_instrument_prefix(string instrument, string currency, bool expected) =>
        Assert.Equal(expected, DeribitOrderCommand.IsOfCurrency(instrument, currency));
}
