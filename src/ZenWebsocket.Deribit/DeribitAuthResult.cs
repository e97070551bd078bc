namespace ZenWebsocket.Deribit;

/// <summary>The result of <c>public/auth</c> (A.3).</summary>
/// <param name="AccessToken">The access token.</param>
/// <param name="ExpiresIn">The access token's lifetime in seconds.</param>
/// <param name="RefreshToken">The refresh token.</param>
/// <param name="Scope">The granted scope.</param>
/// <param name="TokenType">The token type (<c>bearer</c>).</param>
internal sealed record DeribitAuthResult(string AccessToken, long ExpiresIn, string RefreshToken, string? Scope, string? TokenType);
