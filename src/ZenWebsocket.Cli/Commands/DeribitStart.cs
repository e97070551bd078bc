using ZenWebsocket.Deribit;

namespace ZenWebsocket.Cli.Commands;

/// <summary>Creates and starts the Deribit adapter for a command, turning every failure into one line and an exit code.</summary>
internal static class DeribitStart
{
    /// <summary>Returns the started adapter, or null with the exit code after printing why.</summary>
    /// <param name="options">The adapter options.</param>
    /// <param name="error">Where the one-line failure goes.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    internal static async Task<(DeribitAdapter? Adapter, int Exit)> StartAsync(DeribitOptions options, TextWriter error, CancellationToken cancellationToken)
    {
        DeribitAdapter adapter;
        try
        {
            adapter = new DeribitAdapter(options);
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync("zenws: " + Options.CliParsing.Describe(ex)).ConfigureAwait(false);
            return (null, ExitCodes.BadInput);
        }

        string? failure = null;
        try
        {
            await adapter.StartAsync(cancellationToken).ConfigureAwait(false);
            return (adapter, ExitCodes.Ok);
        }
        catch (ZenAuthenticationException ex)
        {
            failure = $"zenws: Deribit refused the API key {options.Credentials?.ClientId}: {ex.Explain()}";
        }
        catch (ZenWebSocketException ex)
        {
            failure = $"zenws: could not connect to {options.Endpoint}: {ex.Explain()}";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            failure = $"zenws: cancelled before the connection to {options.Endpoint} was ready.";
        }

        await adapter.DisposeAsync().ConfigureAwait(false);
        await error.WriteLineAsync(failure).ConfigureAwait(false);
        return (null, ExitCodes.Failed);
    }
}
