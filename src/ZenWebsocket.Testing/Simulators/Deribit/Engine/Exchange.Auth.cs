using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Deribit;

internal sealed partial class Exchange
{
    private static readonly TimeSpan SignatureWindow = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, AuthToken> _tokensByAccess = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AuthToken> _tokensByRefresh = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedNonces = new(StringComparer.Ordinal);

    /// <summary>Resolves an HTTP <c>Authorization</c> header (<c>Bearer token</c> or <c>Basic id:secret</c>) to a connection's auth.</summary>
    public void AuthorizeHttp(ClientConnection connection, string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return;
        }

        lock (_lock)
        {
            if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                connection.Auth = _tokensByAccess.GetValueOrDefault(header[7..].Trim());
            }
            else if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            {
                var encoded = header[6..].Trim();
                var raw = new byte[encoded.Length];
                var pair = Convert.TryFromBase64String(encoded, raw, out var n) ? Encoding.UTF8.GetString(raw, 0, n) : string.Empty;
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && _accounts.TryGetValue(pair[..colon], out var account) && SecretMatches(account, pair[(colon + 1)..]))
                {
                    connection.Auth = Issue(account, ScopeSet.Parse(null), connection, "client_credentials", _time.GetUtcNow());
                }
            }
        }
    }

    private JsonNode Authenticate(CallContext c)
    {
        var p = c.Params;
        var grant = p.String("grant_type") ?? throw RpcException.Missing("grant_type");
        AccountState account;
        var requested = p.String("scope");
        switch (grant)
        {
            case "client_credentials":
                account = Account(p.RequireString("client_id"));
                if (!SecretMatches(account, p.RequireString("client_secret")))
                {
                    throw RpcException.Of(ErrorCodes.InvalidCredentials, "invalid client_secret");
                }

                break;
            case "client_signature":
                account = Account(p.RequireString("client_id"));
                VerifySignature(c, account);
                break;
            case "refresh_token":
                var refresh = p.RequireString("refresh_token");
                if (!_tokensByRefresh.TryGetValue(refresh, out var old) || old.Revoked)
                {
                    throw RpcException.Of(ErrorCodes.Unauthorized, "invalid refresh token", "refresh_token");
                }

                // A refresh invalidates the previous pair (A.3) and keeps its scope unless a new one is asked for.
                Revoke(old);
                account = old.Account;
                requested ??= old.Scope.ToString();
                break;
            default:
                throw RpcException.Invalid("grant_type", "must be one of the following: client_credentials, client_signature, refresh_token");
        }

        var token = Issue(account, ScopeSet.Parse(requested), c.Connection, grant, c.Now);
        var result = new JsonObject
        {
            ["access_token"] = token.AccessToken,
            ["expires_in"] = (long)(token.ExpiresAt - c.Now).TotalSeconds,
            ["refresh_token"] = token.RefreshToken,
            ["scope"] = token.Scope.ToString(),
            ["enabled_features"] = new JsonArray(),
            ["token_type"] = "bearer",
        };
        if (token.Scope.SessionName is not null)
        {
            result["sid"] = "sim-" + account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + token.Scope.SessionName;
        }

        if (p.String("state") is { } state)
        {
            result["state"] = state;
        }

        return result;
    }

    private AuthToken Issue(AccountState account, ScopeSet requested, ClientConnection connection, string grant, DateTimeOffset now)
    {
        var scope = requested.CapTo(ScopeSet.Parse(account.Account.Scopes));
        var lifetime = scope.ExpiresSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : _options.TokenLifetime;
        var token = new AuthToken
        {
            AccessToken = Signatures.NewToken(Num.Millis(now)),
            RefreshToken = Signatures.NewToken(Num.Millis(now)),
            Account = account,
            Scope = scope,
            ExpiresAt = now + lifetime,
            BoundConnection = connection.IsWebSocket && scope.SessionName is null ? connection.Id : 0,
            GrantType = grant,
        };
        _tokensByAccess[token.AccessToken] = token;
        _tokensByRefresh[token.RefreshToken] = token;
        if (connection.IsWebSocket)
        {
            connection.Auth = token;
            connection.CancelOnDisconnect |= account.CancelOnDisconnect;
            _lastAuth[connection.Id] = new DeribitAuthInfo(account.ClientId, grant, scope.ToString(), token.ExpiresAt);
        }

        return token;
    }

    private void VerifySignature(CallContext c, AccountState account)
    {
        var p = c.Params;
        var timestamp = p.Long("timestamp") ?? throw RpcException.Missing("timestamp");
        var signature = p.RequireString("signature");
        var nonce = p.String("nonce") ?? string.Empty;
        var data = p.String("data") ?? string.Empty;
        if (!Signatures.Verify(account.Account.ClientSecret, timestamp, nonce, data, signature))
        {
            throw RpcException.Of(ErrorCodes.InvalidCredentials, "invalid signature", "signature");
        }

        var age = c.Now - DateTimeOffset.FromUnixTimeMilliseconds(timestamp);
        if (age > SignatureWindow || age < -SignatureWindow)
        {
            throw RpcException.Of(ErrorCodes.InvalidCredentials, "timestamp is outside the 60 s window", "timestamp");
        }

        if (nonce.Length > 0 && !_usedNonces.Add(account.ClientId + "\n" + timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n" + nonce))
        {
            throw RpcException.Of(ErrorCodes.InvalidCredentials, "nonce already used", "nonce");
        }
    }

    private JsonNode? Logout(CallContext c)
    {
        // A.3/A.8: no response, the server closes the socket, and cancel-on-disconnect does not fire.
        c.NoResponse = true;
        c.Connection.LoggedOut = true;
        if (c.Params.Bool("invalidate_token") ?? true)
        {
            Revoke(c.Token!);
        }

        c.CloseAfter = (WebSocketCloseStatus.NormalClosure, "logout");
        return null;
    }

    private void Revoke(AuthToken token)
    {
        token.Revoked = true;
        _tokensByAccess.Remove(token.AccessToken);
        _tokensByRefresh.Remove(token.RefreshToken);
    }

    private AccountState Account(string clientId) =>
        _accounts.TryGetValue(clientId, out var account) ? account : throw RpcException.Of(ErrorCodes.InvalidCredentials, "unknown client_id", "client_id");

    private static bool SecretMatches(AccountState account, string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(account.Account.ClientSecret), Encoding.UTF8.GetBytes(secret));
}
