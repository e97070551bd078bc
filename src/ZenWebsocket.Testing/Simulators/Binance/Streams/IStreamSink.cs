namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>Where the market generator publishes stream events; it asks first, so nobody's events get serialised for nobody.</summary>
internal interface IStreamSink
{
    /// <summary>Whether any open connection subscribes to <paramref name="stream"/>.</summary>
    bool HasSubscribers(string stream);

    /// <summary>Sends the raw payload of <paramref name="stream"/> to every subscriber, wrapped for combined ones.</summary>
    void Publish(string stream, string payload);
}
