using System.CommandLine;
using System.CommandLine.Invocation;
using ZenWebsocket.Cli.Commands;

namespace ZenWebsocket.Cli;

/// <summary>The <c>zenws</c> command tree and its invocation: parse errors become one line and exit code 2.</summary>
internal static class CliApp
{
    /// <summary>Builds the root command with every subcommand writing to <paramref name="context"/>.</summary>
    public static RootCommand BuildRootCommand(CliContext context) =>
        new("zenws: a WebSocket client for exchange APIs, built on ZenWebsocket.")
        {
            ConnectCommand.Create(context),
            DemoCommand.Create(context),
            DeribitCommand.Create(context),
            BinanceCommand.Create(context),
            SimulateCommand.Create(context),
        };

    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="output">Normal output.</param>
    /// <param name="error">Error output.</param>
    /// <param name="handleTermination">Turn Ctrl+C and SIGTERM into cancellation (the real tool); off in tests.</param>
    /// <param name="cancellationToken">Stops the command.</param>
    /// <returns>The exit code: 0 ok, 1 failed, 2 bad input.</returns>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, bool handleTermination = false, CancellationToken cancellationToken = default)
    {
        var context = new CliContext(output, error, TimeProvider.System);
        var parse = BuildRootCommand(context).Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            var messages = parse.Errors.Select(e => e.Message).Distinct();
            await error.WriteLineAsync($"zenws: {string.Join(" ", messages)} (see 'zenws {CommandPath(parse)}--help')").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,

            // Commands print their own errors; an unexpected exception still gets a stack trace for the bug report.
            EnableDefaultExceptionHandler = true,

            // Ctrl+C cancels the command's token; it then closes the connection (bounded by its close timeout).
            ProcessTerminationTimeout = handleTermination ? TimeSpan.FromSeconds(5) : null,
        };
        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    private static string CommandPath(ParseResult parse) =>
        parse.CommandResult.Command is RootCommand ? string.Empty : parse.CommandResult.Command.Name + " ";
}
