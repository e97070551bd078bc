namespace ZenWebsocket.Cli;

/// <summary>Where a command writes and which clock it uses; tests pass string writers.</summary>
/// <param name="Output">Normal output (messages, state changes, narration).</param>
/// <param name="Error">One-line errors.</param>
/// <param name="Time">The clock for timestamps, durations and pacing.</param>
internal sealed record CliContext(TextWriter Output, TextWriter Error, TimeProvider Time);
