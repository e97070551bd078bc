using System.CommandLine;

namespace ZenWebsocket.Cli.Tests.Support;

/// <summary>The outcome of one in-process run of the tool.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    // Generous: a run that hangs fails the test instead of the whole test run.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Parses and invokes the root command with string writers, as the real tool does with the console.</summary>
    public static async Task<CliRun> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.InvokeAsync(args, output, error).WaitAsync(Bound, TimeProvider.System);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>Parses and invokes one command, built by <paramref name="create"/> with string writers, under a root
    /// command, for commands that take what the real tool reads from the process (such as environment variables).</summary>
    public static async Task<CliRun> InvokeAsync(Func<CliContext, Command> create, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { create(new CliContext(output, error, TimeProvider.System)) };
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }).WaitAsync(Bound, TimeProvider.System);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
