namespace ZenWebsocket;

/// <summary>Names to subscribe to with OpenTelemetry (<c>AddMeter</c>, <c>AddSource</c>) or listeners.</summary>
public static class ZenWebsocketTelemetry
{
    /// <summary>The name of the library's <see cref="System.Diagnostics.Metrics.Meter"/> and <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string Name = "ZenWebsocket";
}
