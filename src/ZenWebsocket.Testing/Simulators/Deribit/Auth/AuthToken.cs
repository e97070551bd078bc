namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>An issued access/refresh token pair with its grant. Mutated only under the exchange lock.</summary>
internal sealed class AuthToken
{
    public required string AccessToken { get; init; }

    public required string RefreshToken { get; init; }

    public required AccountState Account { get; init; }

    public required ScopeSet Scope { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>For a connection-scoped token issued over WebSocket, that connection; 0 when it may be used anywhere.</summary>
    public long BoundConnection { get; init; }

    public required string GrantType { get; init; }

    public bool Revoked { get; set; }

    public bool IsValid(DateTimeOffset now) => !Revoked && now < ExpiresAt;
}
