using ZenWebsocket.Binance;

namespace ZenWebsocket.Cli.Commands;

/// <summary>What <c>zenws binance order ...</c> was asked to do, already parsed and checked.</summary>
/// <param name="Action">The action.</param>
/// <param name="Endpoints">The Binance endpoints (the WebSocket API is used).</param>
/// <param name="ApiKey">The API key; null when neither the option nor the environment gave one.</param>
/// <param name="Secret">The HMAC secret (never printed); null when an Ed25519 key is used or none was given.</param>
/// <param name="PrivateKeyPem">The Ed25519 private key in PKCS#8 PEM (never printed); null for an HMAC key.</param>
/// <param name="Symbol">The upper-case symbol; null for <c>open</c> over every symbol.</param>
/// <param name="Quantity">buy/sell: the quantity in the base asset.</param>
/// <param name="Price">buy/sell: the limit price; null for a market order.</param>
/// <param name="ClientOrderId">buy/sell: the client order id (null: generated); cancel/status: the order to act on.</param>
/// <param name="OrderId">cancel/status: the exchange's order id.</param>
internal sealed record BinanceOrderSettings(
    BinanceOrderAction Action,
    BinanceEndpoints Endpoints,
    string? ApiKey,
    string? Secret,
    string? PrivateKeyPem,
    string? Symbol = null,
    decimal Quantity = 0,
    decimal? Price = null,
    string? ClientOrderId = null,
    long? OrderId = null)
{
    /// <summary>Returns a description; secrets are never shown.</summary>
    /// <returns>The action, endpoint and key.</returns>
    public override string ToString() => $"BinanceOrderSettings {{ Action = {Action}, Api = {Endpoints.Api}, ApiKey = {ApiKey ?? "none"}, Secret = ***, PrivateKey = *** }}";
}
