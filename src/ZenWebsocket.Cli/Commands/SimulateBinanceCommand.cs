using System.CommandLine;
using System.Globalization;
using ZenWebsocket.Cli.Options;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Cli.Commands;

/// <summary>
/// <c>zenws simulate binance [--port N] [--seed S]</c>: runs the Binance Spot simulator standalone on 127.0.0.1 until
/// Ctrl+C: market streams, the WebSocket API and REST on one port, so any Binance client can be pointed at it.
/// </summary>
internal static class SimulateBinanceCommand
{
    /// <summary>Builds the <c>binance</c> subcommand; its action writes to <paramref name="context"/>.</summary>
    public static Command Create(CliContext context)
    {
        var port = SimulateCommand.CreatePortOption();
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the market-data generator; one seed, one market.",
            HelpName = "S",
            DefaultValueFactory = _ => new BinanceSimulatorOptions().Seed,
        };
        var binance = new Command("binance", "Serve Binance Spot market streams (/ws, /stream), the WebSocket API (/ws-api/v3) and REST (/api/v3) with a seeded market.")
        {
            port,
            seed,
        };
        binance.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(port), parse.GetValue(seed), context.Output, context.Error, cancellationToken));
        return binance;
    }

    /// <summary>Starts the simulator, prints one <c>listening ws://…/ws ws://…/ws-api/v3 http://…/api</c> line, serves until cancelled.</summary>
    /// <returns>0 after a cancellation, 1 with a one-line reason when it could not start, 2 for bad input.</returns>
    internal static async Task<int> RunAsync(int port, int seed, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        BinanceSimulator simulator;
        try
        {
            simulator = await BinanceSimulator.StartAsync(new BinanceSimulatorOptions { Port = port, Seed = seed }, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync("zenws: " + CliParsing.Describe(ex)).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (IOException ex)
        {
            await error.WriteLineAsync($"zenws: could not listen on 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }

        await using (simulator.ConfigureAwait(false))
        {
            var at = "127.0.0.1:" + simulator.Port.ToString(CultureInfo.InvariantCulture);
            await output.WriteLineAsync($"listening ws://{at}/ws ws://{at}/ws-api/v3 http://{at}/api").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C: the normal way to stop a standalone simulator.
            }
        }

        return ExitCodes.Ok;
    }
}
