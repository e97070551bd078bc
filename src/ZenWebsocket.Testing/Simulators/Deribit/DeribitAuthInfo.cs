namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>The last successful <c>public/auth</c> on a connection, for tests to inspect.</summary>
/// <param name="ClientId">The account that authenticated.</param>
/// <param name="GrantType"><c>client_credentials</c>, <c>client_signature</c> or <c>refresh_token</c>.</param>
/// <param name="Scope">The granted scope string.</param>
/// <param name="ExpiresAt">When the access token expires, on the simulator's clock.</param>
public sealed record DeribitAuthInfo(string ClientId, string GrantType, string Scope, DateTimeOffset ExpiresAt);
