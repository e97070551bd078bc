namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>The depth-snapshot limit rules shared by REST <c>GET /api/v3/depth</c> and the WebSocket API's <c>depth</c> (B.5).</summary>
internal static class DepthLimits
{
    /// <summary>Levels per side when no limit is given.</summary>
    public const int Default = 100;

    /// <summary>The most levels per side; larger limits are cut to this.</summary>
    public const int Max = 5000;

    /// <summary>Request weight: 5 / 25 / 50 / 250 for limits 1-100 / 101-500 / 501-1000 / 1001-5000.</summary>
    /// <param name="limit">The (clamped) limit.</param>
    /// <returns>The weight.</returns>
    public static int Weight(int limit) => limit switch
    {
        <= 100 => 5,
        <= 500 => 25,
        <= 1000 => 50,
        _ => 250,
    };
}
