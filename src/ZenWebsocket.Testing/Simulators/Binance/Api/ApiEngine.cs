#pragma warning disable CA1822 // placeholder
namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>
/// PLACEHOLDER (replaced by the WebSocket API work): the engine behind <c>/ws-api/v3</c>. The host creates one per
/// simulator and calls <see cref="Connect"/>, then <see cref="Receive"/> per text message, then <see cref="Disconnect"/>.
/// </summary>
internal sealed class ApiEngine(BinanceSimulatorOptions options, IMarketView market) : IDisposable
{
    /// <summary>Gets the options.</summary>
    public BinanceSimulatorOptions Options { get; } = options;

    /// <summary>Gets the market.</summary>
    public IMarketView Market { get; } = market;

    /// <summary>Registers a new connection; the returned session is handed back on every call.</summary>
    public ApiSession Connect(IApiConnection connection) => new(connection);

    /// <summary>Handles one inbound text message.</summary>
    public void Receive(ApiSession session, string text) => session.Connection.TrySend(text);

    /// <summary>Forgets a closed connection.</summary>
    public void Disconnect(ApiSession session)
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}

/// <summary>PLACEHOLDER: per-connection state of the API engine.</summary>
internal sealed class ApiSession(IApiConnection connection)
{
    /// <summary>Gets the connection.</summary>
    public IApiConnection Connection { get; } = connection;
}
