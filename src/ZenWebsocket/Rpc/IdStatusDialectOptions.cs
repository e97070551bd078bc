namespace ZenWebsocket;

/// <summary>The variations of the id/status envelope some endpoints use, for <see cref="IdStatusDialect(IdStatusDialectOptions)"/>.</summary>
public sealed record IdStatusDialectOptions
{
    /// <summary>Gets whether a top-level <c>code</c> (with its text in <c>msg</c>) makes a message with an id an error
    /// response, the shape Binance's market-stream control answers with: <c>{"code":2,"msg":"...","id":1}</c>. An
    /// <c>error</c> member still wins when both are present.</summary>
    /// <value>Default <see langword="false"/>: only an <c>error</c> member makes an error response.</value>
    public bool TopLevelErrors { get; init; }

    /// <summary>Gets the top-level member names that mark a message as data, never a response (Binance streams:
    /// <c>stream</c>, <c>e</c>): reading stops at the first one, so large data messages are not walked to the end.</summary>
    /// <value>Default empty: every message is read whole.</value>
    public IReadOnlyList<string> DataMarkers { get; init; } = [];

    /// <summary>Throws when a value is invalid, naming the option.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(DataMarkers, "IdStatusDialectOptions.DataMarkers");
        if (DataMarkers.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("IdStatusDialectOptions.DataMarkers must not contain null or empty names.");
        }
    }
}
