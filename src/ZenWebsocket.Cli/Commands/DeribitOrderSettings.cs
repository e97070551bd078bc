namespace ZenWebsocket.Cli.Commands;

/// <summary>What <c>zenws deribit order ...</c> was asked to do, already parsed and checked.</summary>
/// <param name="Action">The action.</param>
/// <param name="Endpoint">The Deribit WebSocket endpoint.</param>
/// <param name="ClientId">The API key's client id; null when neither the option nor the environment gave one.</param>
/// <param name="ClientSecret">The API key's secret (never printed); null when neither the option nor the environment gave one.</param>
/// <param name="Instrument">buy/sell: the instrument.</param>
/// <param name="Amount">buy/sell: the amount.</param>
/// <param name="Price">buy/sell: the limit price; null for a market order.</param>
/// <param name="Label">buy/sell: the label; null for a generated one.</param>
/// <param name="OrderId">cancel: the order id.</param>
/// <param name="Currency">open: only orders of this currency's instruments; null for all.</param>
internal sealed record DeribitOrderSettings(
    DeribitOrderAction Action,
    Uri Endpoint,
    string? ClientId,
    string? ClientSecret,
    string? Instrument = null,
    decimal Amount = 0,
    decimal? Price = null,
    string? Label = null,
    string? OrderId = null,
    string? Currency = null)
{
    /// <summary>Returns a description; the secret is never shown.</summary>
    /// <returns>The action, endpoint and client id.</returns>
    public override string ToString() => $"DeribitOrderSettings {{ Action = {Action}, Endpoint = {Endpoint}, ClientId = {ClientId ?? "none"}, ClientSecret = *** }}";
}
