using System.Security.Cryptography;

namespace ZenWebsocket.Deribit;

public sealed partial class DeribitAdapter
{
    private readonly Lock _tokenLock = new();
    private DeribitAuthResult? _token;
    private DateTimeOffset? _expiresAt;
    private ITimer? _refreshTimer;
    private long _authGeneration;
    private int _refreshes;
    private AdapterSession? _session;

    /// <summary>Gets when the current access token expires, on the injected clock; <see langword="null"/> before the first authentication.</summary>
    public DateTimeOffset? AccessTokenExpiresAt
    {
        get
        {
            lock (_tokenLock)
            {
                return _expiresAt;
            }
        }
    }

    /// <summary>Gets how many times the access token was refreshed with the refresh token.</summary>
    public int TokenRefreshes => Volatile.Read(ref _refreshes);

    /// <summary>Raised after the access token was refreshed, with its new expiry, on a timer thread.</summary>
    public event EventHandler<DateTimeOffset>? TokenRefreshed;

    /// <inheritdoc />
    protected override async Task AuthenticateAsync(AdapterSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);

        // Kept for MarkGap: the in-band Gap marker goes into the current connection's subscription streams.
        Volatile.Write(ref _session, session);
        if (_credentials is null)
        {
            return;
        }

        // A refusal is 13004, mapped to ZenAuthenticationException: the adapter stops instead of looping.
        var result = await session.RequestAsync("public/auth", BuildAuthParams(), DeribitJson.Default.DeribitAuthResult, cancellationToken: cancellationToken).ConfigureAwait(false);
        Accept(result, Interlocked.Increment(ref _authGeneration));
    }

    private RpcParams BuildAuthParams()
    {
        var credentials = _credentials!;
        var scope = _scope;
        if (_authMethod == DeribitAuthMethod.ClientCredentials)
        {
            return RpcParams.Create(w =>
            {
                w.WriteStartObject();
                w.WriteString("grant_type", "client_credentials");
                w.WriteString("client_id", credentials.ClientId);
                w.WriteString("client_secret", credentials.ClientSecret);
                WriteScope(w, scope);
                w.WriteEndObject();
            });
        }

        var timestamp = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var signature = DeribitSigner.Sign(credentials, timestamp, nonce, "");
        return RpcParams.Create(w =>
        {
            w.WriteStartObject();
            w.WriteString("grant_type", "client_signature");
            w.WriteString("client_id", credentials.ClientId);
            w.WriteNumber("timestamp", timestamp);
            w.WriteString("nonce", nonce);
            w.WriteString("data", "");
            w.WriteString("signature", signature);
            WriteScope(w, scope);
            w.WriteEndObject();
        });
    }

    private static void WriteScope(System.Text.Json.Utf8JsonWriter writer, string? scope)
    {
        if (!string.IsNullOrEmpty(scope))
        {
            writer.WriteString("scope", scope);
        }
    }

    private void Accept(DeribitAuthResult result, long generation)
    {
        var lifetime = TimeSpan.FromSeconds(Math.Max(1, result.ExpiresIn));
        var due = lifetime - _refreshMargin;
        if (due < lifetime / 2)
        {
            due = lifetime / 2;
        }

        ITimer? old;
        lock (_tokenLock)
        {
            _token = result;
            _expiresAt = _time.GetUtcNow() + lifetime;
            old = _refreshTimer;
            _refreshTimer = _time.CreateTimer(static state => ((RefreshState)state!).Fire(), new RefreshState(this, generation), due, Timeout.InfiniteTimeSpan);
        }

        old?.Dispose();
    }

    private void StopTokenRefresh()
    {
        ITimer? timer;
        lock (_tokenLock)
        {
            Interlocked.Increment(ref _authGeneration);
            timer = _refreshTimer;
            _refreshTimer = null;
        }

        timer?.Dispose();
    }

    private async Task RefreshAsync(long generation)
    {
        string refreshToken;
        lock (_tokenLock)
        {
            // A re-authentication since this timer was armed supersedes it.
            if (generation != Volatile.Read(ref _authGeneration) || _token is null)
            {
                return;
            }

            refreshToken = _token.RefreshToken;
        }

        var parameters = RpcParams.Create(w =>
        {
            w.WriteStartObject();
            w.WriteString("grant_type", "refresh_token");
            w.WriteString("refresh_token", refreshToken);
            w.WriteEndObject();
        });
        try
        {
            var result = await RequestAsync("public/auth", parameters, DeribitJson.Default.DeribitAuthResult).ConfigureAwait(false);
            if (generation != Volatile.Read(ref _authGeneration))
            {
                return;
            }

            Accept(result, generation);
            Interlocked.Increment(ref _refreshes);
            TokenRefreshed?.Invoke(this, AccessTokenExpiresAt!.Value);
        }
#pragma warning disable CA1031 // A failed refresh is not fatal: the next connect authenticates afresh.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private sealed class RefreshState(DeribitAdapter adapter, long generation)
    {
        public void Fire() => _ = adapter.RefreshAsync(generation);
    }
}
