using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using ZenWebsocket.Cli.Options;
using ZenWebsocket.Deribit;

namespace ZenWebsocket.Cli.Commands;

/// <summary>
/// <c>zenws deribit ticker|book|trades &lt;instrument&gt;</c> and <c>zenws deribit order buy|sell|cancel|open</c>:
/// Deribit API v2 through the <see cref="DeribitAdapter"/>.
/// </summary>
internal static partial class DeribitCommand
{
    /// <summary>The environment variable with the API key's client id.</summary>
    public const string ClientIdVariable = "DERIBIT_CLIENT_ID";

    /// <summary>The environment variable with the API key's client secret.</summary>
    public const string ClientSecretVariable = "DERIBIT_CLIENT_SECRET";

    /// <summary>Builds the command; its actions write to <paramref name="context"/>.</summary>
    public static Command Create(CliContext context) => Create(context, Environment.GetEnvironmentVariable);

    /// <summary>Builds the command with <paramref name="environment"/> as the source of environment variables.</summary>
    internal static Command Create(CliContext context, Func<string, string?> environment)
    {
        var deribit = new Command("deribit", "Deribit API v2: stream public market data, place, cancel and list orders.");
        deribit.Subcommands.Add(StreamCommand(context, DeribitFeed.Ticker, "ticker", "Print one line per ticker.{instrument}.100ms update (best bid/ask, last, mark, index)."));
        deribit.Subcommands.Add(StreamCommand(context, DeribitFeed.Book, "book", "Maintain the order book of book.{instrument}.100ms and print best bid/ask and depth per update."));
        deribit.Subcommands.Add(StreamCommand(context, DeribitFeed.Trades, "trades", "Print one line per trade of trades.{instrument}.100ms."));
        deribit.Subcommands.Add(OrderCommand(context, environment));
        return deribit;
    }

    /// <summary>Checks the shape of an instrument name (letters, digits, '-', '_', '.').</summary>
    internal static bool TryParseInstrument(string text, out string? error)
    {
        if (text.Length is > 0 and <= 64 && InstrumentPattern().IsMatch(text))
        {
            error = null;
            return true;
        }

        error = $"'{text}' is not a Deribit instrument name; expected e.g. BTC-PERPETUAL or ETH-27DEC26-4000-C.";
        return false;
    }

    /// <summary>The credentials: the options first, then <see cref="ClientIdVariable"/> and <see cref="ClientSecretVariable"/>.</summary>
    internal static (string? ClientId, string? ClientSecret) ResolveCredentials(string? clientId, string? clientSecret, Func<string, string?> environment)
    {
        static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
        return (NonEmpty(clientId) ?? NonEmpty(environment(ClientIdVariable)), NonEmpty(clientSecret) ?? NonEmpty(environment(ClientSecretVariable)));
    }

    /// <summary>Formats an order as one line.</summary>
    internal static string FormatOrder(DeribitOrder order) =>
        $"order {order.OrderId} {order.OrderState} {order.Direction} {order.InstrumentName} {order.OrderType} amount {SharedOptions.Number(order.Amount)} price {SharedOptions.Number(order.Price)} filled {SharedOptions.Number(order.FilledAmount)} label {order.Label ?? "-"}";

    private static Command StreamCommand(CliContext context, DeribitFeed feed, string name, string description)
    {
        var instrument = InstrumentArgument();
        var command = new Command(name, description) { instrument };
        var (url, testnet) = AddEndpointOptions(command);
        var duration = SharedOptions.Duration();
        var count = SharedOptions.Count();
        command.Options.Add(duration);
        command.Options.Add(count);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = new DeribitStreamSettings(
                feed,
                parse.GetRequiredValue(instrument),
                Endpoint(parse.GetValue(url), parse.GetValue(testnet)),
                parse.GetValue(duration) is { } s ? TimeSpan.FromSeconds(s) : null,
                parse.GetValue(count));
            return DeribitStreamCommand.RunAsync(settings, context.Time, context.Output, context.Error, cancellationToken);
        });
        return command;
    }

    private static Command OrderCommand(CliContext context, Func<string, string?> environment)
    {
        var order = new Command("order", "Place, cancel or list orders (needs an API key: --client-id/--client-secret or DERIBIT_CLIENT_ID/DERIBIT_CLIENT_SECRET).");
        order.Subcommands.Add(PlaceCommand(context, environment, DeribitOrderAction.Buy, "buy"));
        order.Subcommands.Add(PlaceCommand(context, environment, DeribitOrderAction.Sell, "sell"));

        var orderId = new Argument<string>("order_id") { Description = "The order id to cancel." };
        orderId.Validators.Add(result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (string.IsNullOrWhiteSpace(text) || text.Any(char.IsWhiteSpace))
            {
                result.AddError($"'{text}' is not an order id.");
            }
        });
        var cancel = WithCredentials(new Command("cancel", "Cancel an order and print its final state.") { orderId }, context, environment, (parse, endpoint, id, secret) =>
            new DeribitOrderSettings(DeribitOrderAction.Cancel, endpoint, id, secret, OrderId: parse.GetRequiredValue(orderId)));
        order.Subcommands.Add(cancel);

        var currency = new Option<string?>("--currency", "-c")
        {
            Description = "Only orders on this currency's instruments (BTC, ETH, ...). Default: all.",
            HelpName = "CURRENCY",
        };
        currency.Validators.Add(result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (!CurrencyPattern().IsMatch(text))
            {
                result.AddError($"--currency must be a currency code such as BTC or ETH, got '{text}'.");
            }
        });
        var open = WithCredentials(new Command("open", "List the open orders, one line each.") { currency }, context, environment, (parse, endpoint, id, secret) =>
            new DeribitOrderSettings(DeribitOrderAction.Open, endpoint, id, secret, Currency: parse.GetValue(currency)?.ToUpperInvariant()));
        order.Subcommands.Add(open);
        return order;
    }

    private static Command PlaceCommand(CliContext context, Func<string, string?> environment, DeribitOrderAction action, string name)
    {
        var instrument = InstrumentArgument();
        var amount = SharedOptions.PositiveDecimal("--amount", "-a", "The amount (contracts in USD for perpetuals and futures, coins for options).", "A");
        amount.Required = true;
        var price = SharedOptions.PositiveDecimal("--price", "-p", "The limit price. Default: a market order.", "P");
        var label = new Option<string?>("--label", "-l")
        {
            Description = "A label for the order (at most 64 characters). Default: a generated zen-... label.",
            HelpName = "L",
        };
        label.Validators.Add(result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (text.Length is 0 or > 64)
            {
                result.AddError($"--label must be 1 to 64 characters, got {text.Length.ToString(CultureInfo.InvariantCulture)}.");
            }
        });
        var command = new Command(name, $"Place a {name} order and print its id and state.") { instrument, amount, price, label };
        return WithCredentials(command, context, environment, (parse, endpoint, id, secret) =>
            new DeribitOrderSettings(action, endpoint, id, secret, parse.GetRequiredValue(instrument), parse.GetValue(amount) ?? 0, parse.GetValue(price), parse.GetValue(label)));
    }

    private static Command WithCredentials(Command command, CliContext context, Func<string, string?> environment, Func<ParseResult, Uri, string?, string?, DeribitOrderSettings> settings)
    {
        var (url, testnet) = AddEndpointOptions(command);
        var clientId = new Option<string?>("--client-id")
        {
            Description = $"The API key's client id. Default: ${ClientIdVariable}.",
            HelpName = "ID",
        };
        var clientSecret = new Option<string?>("--client-secret")
        {
            Description = $"The API key's secret (never printed). Default: ${ClientSecretVariable}.",
            HelpName = "SECRET",
        };
        command.Options.Add(clientId);
        command.Options.Add(clientSecret);
        command.SetAction((parse, cancellationToken) =>
        {
            var (id, secret) = ResolveCredentials(parse.GetValue(clientId), parse.GetValue(clientSecret), environment);
            var endpoint = Endpoint(parse.GetValue(url), parse.GetValue(testnet));
            return DeribitOrderCommand.RunAsync(settings(parse, endpoint, id, secret), context.Output, context.Error, cancellationToken);
        });
        return command;
    }

    private static Argument<string> InstrumentArgument()
    {
        var instrument = new Argument<string>("instrument") { Description = "The instrument, e.g. BTC-PERPETUAL." };
        instrument.Validators.Add(result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (!TryParseInstrument(text, out var error))
            {
                result.AddError(error!);
            }
        });
        return instrument;
    }

    private static (Option<Uri?> Url, Option<bool> Testnet) AddEndpointOptions(Command command) => SharedOptions.AddEndpoint(
        command,
        $"The endpoint, any ws:// or wss:// URL (e.g. a simulator's). Default: production {DeribitOptions.ProductionUri}.",
        $"Use testnet, {DeribitOptions.TestnetUri}.");

    private static Uri Endpoint(Uri? url, bool testnet) => url ?? (testnet ? DeribitOptions.TestnetUri : DeribitOptions.ProductionUri);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex InstrumentPattern();

    [GeneratedRegex("^[A-Za-z]{2,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();
}
