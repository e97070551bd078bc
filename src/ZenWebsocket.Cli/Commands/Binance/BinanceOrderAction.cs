namespace ZenWebsocket.Cli.Commands;

/// <summary>What <c>zenws binance order</c> does.</summary>
internal enum BinanceOrderAction
{
    /// <summary>Place a buy order.</summary>
    Buy,

    /// <summary>Place a sell order.</summary>
    Sell,

    /// <summary>Cancel an order.</summary>
    Cancel,

    /// <summary>Show one order's state.</summary>
    Status,

    /// <summary>List the open orders.</summary>
    Open,
}
