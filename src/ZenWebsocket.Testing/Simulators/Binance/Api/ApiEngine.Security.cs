namespace ZenWebsocket.Testing.Simulators.Binance;

internal sealed partial class ApiEngine
{
    private readonly Dictionary<string, (BinanceSimApiKey Key, AccountState Account, ApiSignatures Signatures)> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _revoked = new(StringComparer.Ordinal);

    private bool IsRevoked(string apiKey) => _revoked.Contains(apiKey);

    /// <summary>
    /// B.6.1 for a SIGNED request: an explicit <c>apiKey</c> + <c>signature</c>, or the session's logon key; then the
    /// timing check. Sets the context's key and account.
    /// </summary>
    private void Authenticate(ApiCallContext context, ApiSecurity security, bool requireExplicit = false)
    {
        var request = context.Request;
        var apiKey = request.String("apiKey");
        var signature = request.String("signature");
        if (apiKey is not null || signature is not null || requireExplicit || context.Session.LogonKey is null)
        {
            VerifySigned(context, apiKey, signature);
        }
        else
        {
            var logon = context.Session.LogonKey;
            var entry = _keys[logon.ApiKey];
            CheckTimestamp(context);
            context.Key = entry.Key;
            context.Account = entry.Account;
        }

        if (security == ApiSecurity.Trade && !context.Key!.CanTrade)
        {
            throw ApiException.BadKey();
        }
    }

    private void VerifySigned(ApiCallContext context, string? apiKey, string? signature)
    {
        if (apiKey is null)
        {
            throw ApiException.Missing("apiKey");
        }

        if (!_keys.TryGetValue(apiKey, out var entry) || IsRevoked(apiKey))
        {
            throw ApiException.BadKey();
        }

        if (signature is null)
        {
            throw ApiException.Missing("signature");
        }

        CheckTimestamp(context);
        if (!entry.Signatures.Verify(ApiSignatures.Payload(context.Request), signature))
        {
            throw ApiException.Bad(ApiErrors.InvalidSignature, "Signature for this request is not valid.");
        }

        context.Key = entry.Key;
        context.Account = entry.Account;
    }

    /// <summary>Accepts iff <c>timestamp &lt; serverTime + 1000</c> and <c>serverTime - timestamp &lt;= recvWindow</c>.</summary>
    private void CheckTimestamp(ApiCallContext context)
    {
        var timestamp = context.Request.Long("timestamp") ?? throw ApiException.Missing("timestamp");
        if (timestamp > 100_000_000_000_000)
        {
            // Microseconds are accepted too.
            timestamp /= 1000;
        }

        var recvWindow = context.Request.Decimal("recvWindow") ?? 5000m;
        if (recvWindow <= 0 || recvWindow > _api.MaxRecvWindowMs)
        {
            throw ApiException.Bad(ApiErrors.BadRecvWindow, $"recvWindow must be less than {_api.MaxRecvWindowMs}.");
        }

        if (timestamp >= context.Now + 1000)
        {
            throw ApiException.Bad(ApiErrors.InvalidTimestamp, "Timestamp for this request was 1000ms ahead of the server's time.");
        }

        if (context.Now - timestamp > recvWindow)
        {
            throw ApiException.Bad(ApiErrors.InvalidTimestamp, "Timestamp for this request is outside of the recvWindow.");
        }
    }
}
