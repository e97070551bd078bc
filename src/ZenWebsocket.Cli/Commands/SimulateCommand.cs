using System.CommandLine;
using System.Globalization;
using ZenWebsocket.Cli.Options;
using ZenWebsocket.Testing.Simulators.Deribit;

namespace ZenWebsocket.Cli.Commands;

/// <summary>
/// <c>zenws simulate deribit [--port N] [--seed S]</c>: runs the Deribit API v2 simulator standalone on 127.0.0.1 until
/// Ctrl+C, so any Deribit client (ours or a third party's) can be pointed at it.
/// </summary>
internal static class SimulateCommand
{
    /// <summary>Builds the command; its action writes to <paramref name="context"/>.</summary>
    public static Command Create(CliContext context)
    {
        var port = CreatePortOption();
        var seed = CreateSeedOption(new DeribitSimulatorOptions().Seed);
        var deribit = new Command("deribit", "Serve Deribit API v2 (WebSocket JSON-RPC and HTTP) with a seeded market, a matching engine and the default test account sim-client / sim-secret.")
        {
            port,
            seed,
        };
        deribit.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(port), parse.GetValue(seed), context.Output, context.Error, cancellationToken));
        return new Command("simulate", "Run an exchange simulator standalone until Ctrl+C.") { deribit, SimulateBinanceCommand.Create(context) };
    }

    /// <summary>The <c>--port</c> option every simulator takes: 0 to 65535, 0 picks a free port.</summary>
    internal static Option<int> CreatePortOption()
    {
        var port = new Option<int>("--port", "-p")
        {
            Description = "TCP port on 127.0.0.1; 0 picks a free one.",
            HelpName = "N",
            DefaultValueFactory = _ => 0,
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be from 0 to 65535.");
            }
        });
        return port;
    }

    /// <summary>The <c>--seed</c> option every simulator takes.</summary>
    internal static Option<int> CreateSeedOption(int defaultSeed) => new("--seed")
    {
        Description = "Seed of the market-data generator; one seed, one market.",
        HelpName = "S",
        DefaultValueFactory = _ => defaultSeed,
    };

    /// <summary>Starts the simulator, prints one <c>listening ...</c> line, serves until cancelled.</summary>
    /// <returns>0 after a cancellation, 1 with a one-line reason when it could not start.</returns>
    internal static Task<int> RunAsync(int port, int seed, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        ServeAsync(
            ct => DeribitSimulator.StartAsync(new DeribitSimulatorOptions { Port = port, Seed = seed }, ct),
            simulator => $"listening {simulator.WebSocketUrl} {simulator.HttpUrl}",
            port,
            output,
            error,
            cancellationToken);

    /// <summary>
    /// What every <c>simulate</c> subcommand does: start the simulator (bad options exit 2, a port in use exits 1, each
    /// with one line), print its one <c>listening ...</c> line, serve until Ctrl+C, stop it.
    /// </summary>
    internal static async Task<int> ServeAsync<TSimulator>(
        Func<CancellationToken, Task<TSimulator>> start,
        Func<TSimulator, string> listeningLine,
        int port,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
        where TSimulator : IAsyncDisposable
    {
        TSimulator simulator;
        try
        {
            simulator = await start(cancellationToken).ConfigureAwait(false);
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
            await output.WriteLineAsync(listeningLine(simulator)).ConfigureAwait(false);
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
