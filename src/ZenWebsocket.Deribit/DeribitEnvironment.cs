namespace ZenWebsocket.Deribit;

/// <summary>The Deribit environment an adapter connects to.</summary>
public enum DeribitEnvironment
{
    /// <summary>Production: <c>wss://www.deribit.com/ws/api/v2</c> (the default).</summary>
    Production = 0,

    /// <summary>Testnet: <c>wss://test.deribit.com/ws/api/v2</c>.</summary>
    Testnet = 1,
}
