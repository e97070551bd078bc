namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>A client's resting order, as <see cref="DeribitSimulator.OpenOrders"/> shows it to tests.</summary>
/// <param name="OrderId">The order id.</param>
/// <param name="ClientId">The owning account's client id.</param>
/// <param name="InstrumentName">The instrument.</param>
/// <param name="Direction"><c>buy</c> or <c>sell</c>.</param>
/// <param name="Price">The limit price.</param>
/// <param name="Amount">The order amount.</param>
/// <param name="FilledAmount">How much has filled.</param>
/// <param name="Label">The client's label, or empty.</param>
/// <param name="ConnectionId">The simulator connection that placed it; 0 for HTTP.</param>
public sealed record DeribitOpenOrder(
    string OrderId,
    string ClientId,
    string InstrumentName,
    string Direction,
    decimal Price,
    decimal Amount,
    decimal FilledAmount,
    string Label,
    long ConnectionId);
