namespace ZenWebsocket.Binance;

/// <summary>Which Binance Spot deployment the default endpoints point at.</summary>
public enum BinanceEnvironment
{
    /// <summary>The live exchange: <c>stream.binance.com</c>, <c>ws-api.binance.com</c>, <c>api.binance.com</c>.</summary>
    Production,

    /// <summary>The Spot testnet: <c>stream.testnet.binance.vision</c>, <c>ws-api.testnet.binance.vision</c>, <c>testnet.binance.vision</c>.</summary>
    Testnet,
}
