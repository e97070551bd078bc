namespace ZenWebsocket.Testing;

/// <summary>Settings for <see cref="FaultProxy.StartAsync"/>.</summary>
public sealed record FaultProxyOptions
{
    /// <summary>
    /// The clock for <see cref="FaultProxy.Latency"/> and <see cref="FaultProxy.BytesPerSecond"/>;
    /// test waits always use real time. Default <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        if (TimeProvider is null)
        {
            throw new ArgumentException("FaultProxyOptions.TimeProvider must not be null.", nameof(TimeProvider));
        }
    }
}
