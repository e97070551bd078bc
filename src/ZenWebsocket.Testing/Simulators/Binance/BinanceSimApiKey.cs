namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>An API key of a simulated account.</summary>
/// <param name="ApiKey">The public key id sent as <c>apiKey</c>.</param>
/// <param name="Type">How requests are signed.</param>
/// <param name="Secret">The HMAC secret for <see cref="BinanceSimKeyType.Hmac"/>, else the public key PEM
/// (SubjectPublicKeyInfo, <c>-----BEGIN PUBLIC KEY-----</c>).</param>
/// <param name="CanTrade">Whether TRADE methods (orders) are allowed; without it they give -2015. Default <see langword="true"/>.</param>
public sealed record BinanceSimApiKey(string ApiKey, BinanceSimKeyType Type, string Secret, bool CanTrade = true)
{
    /// <summary>Redacts the secret, so a logged options record never leaks it.</summary>
    /// <returns>The key id, type and permission only.</returns>
    public override string ToString() => $"BinanceSimApiKey {{ ApiKey = {ApiKey}, Type = {Type}, CanTrade = {CanTrade}, Secret = *** }}";
}
