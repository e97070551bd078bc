namespace ZenWebsocket;

/// <summary>What window a <see cref="LatencyStatistics"/> covers and where else its samples go.</summary>
public sealed record LatencyStatisticsOptions
{
    /// <summary>Gets the default options: the last 1,024 samples, no age limit, not exported.</summary>
    public static LatencyStatisticsOptions Default { get; } = new();

    /// <summary>Gets how many of the most recent samples the window holds.</summary>
    /// <value>Default 1,024. Must be between 1 and 1,048,576.</value>
    public int WindowSize { get; init; } = 1_024;

    /// <summary>Gets the age after which a sample leaves the window even if the window is not full.</summary>
    /// <value>Default <see langword="null"/>: samples leave only when <see cref="WindowSize"/> newer ones arrive. Positive when set.</value>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>
    /// Gets the <c>kind</c> tag under which every sample is also recorded on the <c>zenws.request.duration</c>
    /// histogram (seconds) of the <see cref="ZenWebsocketTelemetry.Name"/> meter, for example <c>"request"</c> or
    /// <c>"heartbeat"</c>. Use a fixed label, never an id.
    /// </summary>
    /// <value>Default <see langword="null"/>: samples are not exported. Not empty when set.</value>
    public string? Kind { get; init; }

    /// <summary>Gets a callback invoked with every sample, after it is recorded, outside any lock.</summary>
    /// <value>Default <see langword="null"/>. It must be fast and must not throw: it runs on the recording thread.</value>
    public Action<TimeSpan>? OnRecord { get; init; }

    /// <summary>Throws when a value is out of range, naming the option.</summary>
    /// <exception cref="ArgumentException"><see cref="Kind"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its allowed range.</exception>
    public void Validate()
    {
        Guard.InRange(WindowSize, 1, 1 << 20, "LatencyStatisticsOptions.WindowSize");
        if (MaxAge is { } age)
        {
            Guard.Positive(age, "LatencyStatisticsOptions.MaxAge");
        }

        if (Kind is not null && string.IsNullOrWhiteSpace(Kind))
        {
            throw new ArgumentException("LatencyStatisticsOptions.Kind must not be empty when set.", "LatencyStatisticsOptions.Kind");
        }
    }
}
