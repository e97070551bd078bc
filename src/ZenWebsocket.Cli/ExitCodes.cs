namespace ZenWebsocket.Cli;

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Everything went as asked.</summary>
    public const int Ok = 0;

    /// <summary>The connection failed (or the demo's story did not happen); the error line says why.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong; the error line says what to fix.</summary>
    public const int BadInput = 2;
}
