namespace ZenWebsocket.Cli.Commands;

/// <summary>The actions of <c>zenws deribit order</c>.</summary>
internal enum DeribitOrderAction
{
    /// <summary><c>private/buy</c>.</summary>
    Buy,

    /// <summary><c>private/sell</c>.</summary>
    Sell,

    /// <summary><c>private/cancel</c>.</summary>
    Cancel,

    /// <summary><c>private/get_open_orders</c>.</summary>
    Open,
}
