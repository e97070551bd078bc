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
        var seed = SimulateCommand.CreateSeedOption(new BinanceSimulatorOptions().Seed);
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
    internal static Task<int> RunAsync(int port, int seed, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        SimulateCommand.ServeAsync(
            ct => BinanceSimulator.StartAsync(new BinanceSimulatorOptions { Port = port, Seed = seed }, ct),
            simulator =>
            {
                var at = "127.0.0.1:" + simulator.Port.ToString(CultureInfo.InvariantCulture);
                return $"listening ws://{at}/ws ws://{at}/ws-api/v3 http://{at}/api";
            },
            port,
            output,
            error,
            cancellationToken);
}
