using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using ZenWebsocket.Binance;
using ZenWebsocket.Cli.Options;

namespace ZenWebsocket.Cli.Commands;

/// <summary>
/// <c>zenws binance trades|ticker|book &lt;symbol&gt;</c> and <c>zenws binance order buy|sell|cancel|status|open</c>:
/// Binance Spot market streams, local order books and the WebSocket API, against production, the testnet or any URL.
/// </summary>
internal static partial class BinanceCommand
{
    /// <summary>The environment variable with the API key.</summary>
    public const string ApiKeyVariable = "BINANCE_API_KEY";

    /// <summary>The environment variable with the HMAC secret.</summary>
    public const string SecretVariable = "BINANCE_API_SECRET";

    /// <summary>The environment variable with the path of an Ed25519 private key (PKCS#8 PEM).</summary>
    public const string PrivateKeyFileVariable = "BINANCE_PRIVATE_KEY_FILE";

    /// <summary>Builds the command; its actions write to <paramref name="context"/>.</summary>
    public static Command Create(CliContext context) => Create(context, Environment.GetEnvironmentVariable);

    /// <summary>Builds the command with <paramref name="environment"/> as the source of environment variables.</summary>
    internal static Command Create(CliContext context, Func<string, string?> environment)
    {
        var binance = new Command("binance", "Binance Spot: stream trades, the best bid/ask or a local order book; place, cancel and list orders.");
        binance.Subcommands.Add(StreamCommand(context, BinanceFeed.Trades, "trades", "Print one line per trade of <symbol>@trade."));
        binance.Subcommands.Add(StreamCommand(context, BinanceFeed.Ticker, "ticker", "Print one line per best bid/ask change of <symbol>@bookTicker."));
        binance.Subcommands.Add(StreamCommand(context, BinanceFeed.Book, "book", "Keep a local order book (depth@100ms + REST snapshot, Binance's procedure) and print best bid/ask and depth per update."));
        binance.Subcommands.Add(OrderCommand(context, environment));
        return binance;
    }

    /// <summary>Checks and normalises a symbol (letters and digits, upper-cased).</summary>
    internal static bool TryParseSymbol(string text, out string symbol, out string? error)
    {
        if (SymbolPattern().IsMatch(text))
        {
            symbol = text.ToUpperInvariant();
            error = null;
            return true;
        }

        symbol = string.Empty;
        error = $"'{text}' is not a Binance symbol; expected letters and digits such as BTCUSDT.";
        return false;
    }

    /// <summary>The endpoints: <c>--url</c> (any URL of a host serving all three, such as the simulator), <c>--testnet</c>, else production.</summary>
    internal static BinanceEndpoints Endpoints(Uri? url, bool testnet) =>
        url is not null ? BinanceEndpoints.SingleHost(url) : testnet ? BinanceEndpoints.Testnet : BinanceEndpoints.Production;

    private static Command StreamCommand(CliContext context, BinanceFeed feed, string name, string description)
    {
        var symbol = SymbolArgument();
        var command = new Command(name, description) { symbol };
        var (url, testnet) = AddEndpointOptions(command);
        var duration = SharedOptions.Duration();
        var count = SharedOptions.Count();
        command.Options.Add(duration);
        command.Options.Add(count);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = new BinanceStreamSettings(
                feed,
                parse.GetRequiredValue(symbol),
                Endpoints(parse.GetValue(url), parse.GetValue(testnet)),
                parse.GetValue(duration) is { } s ? TimeSpan.FromSeconds(s) : null,
                parse.GetValue(count));
            return BinanceStreamCommand.RunAsync(settings, context.Time, context.Output, context.Error, cancellationToken);
        });
        return command;
    }

    private static Command OrderCommand(CliContext context, Func<string, string?> environment)
    {
        var order = new Command("order", $"Place, cancel, inspect or list orders over the WebSocket API (needs an API key: --api-key with --secret or --private-key-file, or ${ApiKeyVariable} with ${SecretVariable} or ${PrivateKeyFileVariable}).");
        order.Subcommands.Add(PlaceCommand(context, environment, BinanceOrderAction.Buy, "buy"));
        order.Subcommands.Add(PlaceCommand(context, environment, BinanceOrderAction.Sell, "sell"));
        order.Subcommands.Add(TargetCommand(context, environment, BinanceOrderAction.Cancel, "cancel", "Cancel an order (by --order-id or --client-order-id) and print its final state."));
        order.Subcommands.Add(TargetCommand(context, environment, BinanceOrderAction.Status, "status", "Print one order's state (by --order-id or --client-order-id); useful after an unknown outcome."));

        var symbol = new Argument<string?>("symbol") { Description = "Only this symbol's orders. Default: every symbol.", Arity = ArgumentArity.ZeroOrOne };
        AddSymbolValidator(symbol);
        order.Subcommands.Add(WithCredentials(new Command("open", "List the open orders, one line each.") { symbol }, context, environment, (parse, endpoints, key) =>
            new BinanceOrderSettings(BinanceOrderAction.Open, endpoints, key.ApiKey, key.Secret, key.PrivateKeyPem, Symbol: parse.GetValue(symbol)?.ToUpperInvariant())));
        return order;
    }

    private static Command PlaceCommand(CliContext context, Func<string, string?> environment, BinanceOrderAction action, string name)
    {
        var symbol = SymbolArgument();
        var quantity = SharedOptions.PositiveDecimal("--quantity", "-q", "The quantity, in the base asset.", "Q");
        quantity.Required = true;
        var price = SharedOptions.PositiveDecimal("--price", "-p", "The limit price (a GTC limit order). Default: a market order.", "P");
        var clientOrderId = ClientOrderIdOption("The client order id (newClientOrderId), 1 to 36 of [A-Za-z0-9._-]. Default: a generated one, printed, so the order can be reconciled after an unknown outcome.");
        var command = new Command(name, $"Place a {name} order and print its id and state.") { symbol, quantity, price, clientOrderId };
        return WithCredentials(command, context, environment, (parse, endpoints, key) =>
            new BinanceOrderSettings(action, endpoints, key.ApiKey, key.Secret, key.PrivateKeyPem, parse.GetRequiredValue(symbol), parse.GetValue(quantity) ?? 0, parse.GetValue(price), parse.GetValue(clientOrderId)));
    }

    private static Command TargetCommand(CliContext context, Func<string, string?> environment, BinanceOrderAction action, string name, string description)
    {
        var symbol = SymbolArgument();
        var orderId = new Option<long?>("--order-id")
        {
            Description = "The exchange's order id.",
            HelpName = "ID",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
                {
                    return id;
                }

                result.AddError($"--order-id must be a positive whole number, got '{text}'.");
                return null;
            },
        };
        var clientOrderId = ClientOrderIdOption("The client order id the order was placed with.");
        var command = new Command(name, description) { symbol, orderId, clientOrderId };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(orderId) is null) == (result.GetResult(clientOrderId) is null))
            {
                result.AddError("Give exactly one of --order-id and --client-order-id.");
            }
        });
        return WithCredentials(command, context, environment, (parse, endpoints, key) =>
            new BinanceOrderSettings(action, endpoints, key.ApiKey, key.Secret, key.PrivateKeyPem, parse.GetRequiredValue(symbol), ClientOrderId: parse.GetValue(clientOrderId), OrderId: parse.GetValue(orderId)));
    }

    private static Command WithCredentials(Command command, CliContext context, Func<string, string?> environment, Func<ParseResult, BinanceEndpoints, BinanceKeyInput, BinanceOrderSettings> settings)
    {
        var (url, testnet) = AddEndpointOptions(command);
        var apiKey = new Option<string?>("--api-key") { Description = $"The API key. Default: ${ApiKeyVariable}.", HelpName = "KEY" };
        var secret = new Option<string?>("--secret") { Description = $"The HMAC secret of the key (never printed). Default: ${SecretVariable}.", HelpName = "SECRET" };
        var privateKeyFile = new Option<FileInfo?>("--private-key-file") { Description = $"An Ed25519 private key file (PKCS#8 PEM) for the key. Default: ${PrivateKeyFileVariable}.", HelpName = "FILE" };
        command.Options.Add(apiKey);
        command.Options.Add(secret);
        command.Options.Add(privateKeyFile);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (key, problem) = BinanceKeyInput.Resolve(parse.GetValue(apiKey), parse.GetValue(secret), parse.GetValue(privateKeyFile)?.FullName, environment);
            if (problem is not null)
            {
                await context.Error.WriteLineAsync("zenws: " + problem).ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var endpoints = Endpoints(parse.GetValue(url), parse.GetValue(testnet));
            return await BinanceOrderCommand.RunAsync(settings(parse, endpoints, key), context.Output, context.Error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Argument<string> SymbolArgument()
    {
        var symbol = new Argument<string>("symbol") { Description = "The symbol, e.g. BTCUSDT (any case)." };
        AddSymbolValidator(symbol);
        symbol.CustomParser = result => result.Tokens.Count > 0 ? result.Tokens[0].Value.ToUpperInvariant() : string.Empty;
        return symbol;
    }

    private static void AddSymbolValidator<T>(Argument<T> symbol) =>
        symbol.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !TryParseSymbol(result.Tokens[0].Value, out _, out var error))
            {
                result.AddError(error!);
            }
        });

    private static Option<string?> ClientOrderIdOption(string description)
    {
        var option = new Option<string?>("--client-order-id") { Description = description, HelpName = "ID" };
        option.Validators.Add(result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (!ClientOrderIdPattern().IsMatch(text))
            {
                result.AddError($"--client-order-id must be 1 to 36 of letters, digits, '.', '_' and '-', got '{text}'.");
            }
        });
        return option;
    }

    private static (Option<Uri?> Url, Option<bool> Testnet) AddEndpointOptions(Command command) => SharedOptions.AddEndpoint(
        command,
        $"Any URL of a host serving streams, REST and the WebSocket API on one port (e.g. the simulator's ws://127.0.0.1:PORT/ws). Default: production {BinanceEndpoints.Production.Streams}, {BinanceEndpoints.Production.Api}, {BinanceEndpoints.Production.Rest}.",
        $"Use the Spot testnet, {BinanceEndpoints.Testnet.Streams}.");

    [GeneratedRegex("^[A-Za-z0-9]{2,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex SymbolPattern();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,36}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClientOrderIdPattern();
}
