namespace ZenWebsocket.Binance;

/// <summary>
/// The three Binance Spot endpoints an adapter talks to. Production is the default everywhere; the testnet and any
/// other base (a local simulator, a proxy) are one call away.
/// </summary>
/// <param name="Streams">The market-stream base, without a path: raw streams live at <c>{Streams}/ws/&lt;stream&gt;</c>,
/// combined ones at <c>{Streams}/stream?streams=...</c>.</param>
/// <param name="Api">The WebSocket API endpoint, path included (<c>.../ws-api/v3</c>).</param>
/// <param name="Rest">The REST base, without <c>/api/v3</c> (order-book snapshots, exchange info).</param>
public sealed record BinanceEndpoints(Uri Streams, Uri Api, Uri Rest)
{
    /// <summary>Gets the production endpoints (B.1): <c>wss://stream.binance.com:9443</c>,
    /// <c>wss://ws-api.binance.com:443/ws-api/v3</c>, <c>https://api.binance.com</c>.</summary>
    public static BinanceEndpoints Production { get; } = new(
        new Uri("wss://stream.binance.com:9443"),
        new Uri("wss://ws-api.binance.com:443/ws-api/v3"),
        new Uri("https://api.binance.com"));

    /// <summary>Gets the Spot testnet endpoints.</summary>
    public static BinanceEndpoints Testnet { get; } = new(
        new Uri("wss://stream.testnet.binance.vision"),
        new Uri("wss://ws-api.testnet.binance.vision/ws-api/v3"),
        new Uri("https://testnet.binance.vision"));

    /// <summary>Returns the endpoints of an environment.</summary>
    /// <param name="environment">The environment.</param>
    /// <returns>Its endpoints.</returns>
    public static BinanceEndpoints For(BinanceEnvironment environment) => environment switch
    {
        BinanceEnvironment.Production => Production,
        BinanceEnvironment.Testnet => Testnet,
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown Binance environment."),
    };

    /// <summary>
    /// Derives all three endpoints from one URL of a host that serves them all on one port, as the local simulator
    /// does: given <c>ws://127.0.0.1:5000/ws</c> (or any path on that host) the streams base is
    /// <c>ws://127.0.0.1:5000</c>, the API <c>ws://127.0.0.1:5000/ws-api/v3</c> and REST <c>http://127.0.0.1:5000</c>.
    /// </summary>
    /// <param name="url">Any ws://, wss://, http:// or https:// URL of the host.</param>
    /// <returns>The endpoints.</returns>
    /// <exception cref="ArgumentException">The scheme is not one of those four.</exception>
    public static BinanceEndpoints SingleHost(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var secure = url.Scheme switch
        {
            "wss" or "https" => true,
            "ws" or "http" => false,
            _ => throw new ArgumentException($"'{url}' is not a ws://, wss://, http:// or https:// URL.", nameof(url)),
        };
        var authority = url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}";
        return new BinanceEndpoints(
            new Uri($"{(secure ? "wss" : "ws")}://{authority}"),
            new Uri($"{(secure ? "wss" : "ws")}://{authority}/ws-api/v3"),
            new Uri($"{(secure ? "https" : "http")}://{authority}"));
    }
}
