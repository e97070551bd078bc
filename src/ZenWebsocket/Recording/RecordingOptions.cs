namespace ZenWebsocket;

/// <summary>Settings for <see cref="SessionRecorder.Start"/>. Validated once, when recording starts.</summary>
public sealed record RecordingOptions
{
    /// <summary>Gets the file to write (JSON Lines). Its directory must exist.</summary>
    public required string Path { get; init; }

    /// <summary>
    /// Gets whether an existing file is appended to. A new recorder on the same file, for instance after an explicit
    /// reconnect or a restart, then adds to what is there instead of wiping it.
    /// </summary>
    /// <value>Default <see langword="true"/>; <see langword="false"/> truncates the file at start.</value>
    public bool Append { get; init; } = true;

    /// <summary>
    /// Gets the function applied to every text payload before it is written, so credentials never reach the file.
    /// Binary and control payloads are written as they are; handshake headers are never recorded.
    /// </summary>
    /// <value>Default <see cref="JsonRedactor.Default"/> (<c>access_token</c>, <c>client_secret</c>,
    /// <c>signature</c>, <c>apiKey</c>, <c>listenKey</c> and the other <see cref="JsonRedactor.DefaultKeys"/>);
    /// use <c>new JsonRedactor(extraKeys).Redact</c> to add names; <see langword="null"/> records text verbatim.</value>
    public Func<string, string>? Redactor { get; init; } = JsonRedactor.Default.Redact;

    /// <summary>Gets how many entries may wait for the writer. When full, new entries are dropped and counted in
    /// <see cref="RecorderStats.Dropped"/>: recording never slows down or blocks the connection.</summary>
    /// <value>Default 10 000.</value>
    public int BufferCapacity { get; init; } = 10_000;

    /// <summary>Gets how often written entries are flushed to the file (they are also flushed on
    /// <see cref="SessionRecorder.FlushAsync"/>, after a close frame, when a connection ends, and on dispose).</summary>
    /// <value>Default 1 second.</value>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the clock of the flush timer. Entry times always come from the client's clock.</summary>
    /// <value>Default <see langword="null"/>: the client's <see cref="ZenClientOptions.TimeProvider"/>.</value>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Checks every option; throws naming the first bad one.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            throw new ArgumentException("RecordingOptions.Path must name a file.", nameof(Path));
        }

        Guard.InRange(BufferCapacity, 1, int.MaxValue, "RecordingOptions.BufferCapacity");
        Guard.Positive(FlushInterval, "RecordingOptions.FlushInterval");
    }
}
