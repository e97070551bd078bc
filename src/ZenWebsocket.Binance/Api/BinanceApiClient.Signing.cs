using System.Security.Cryptography;

namespace ZenWebsocket.Binance;

public sealed partial class BinanceApiClient
{
    /// <summary>Returns a new client order id: <see cref="BinanceApiClientOptions.ClientOrderIdPrefix"/> and 16 random hex digits.</summary>
    /// <returns>The id.</returns>
    public string NewClientOrderId() => _clientOrderIdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Whether a client order id (or a prefix of one) uses only Binance's characters and fits 36.</summary>
    internal static bool IsValidClientOrderId(string value, bool allowEmpty = false) =>
        (allowEmpty || value.Length > 0) && value.Length <= 36 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or ':' or '/' or '_' or '-');

    /// <summary>
    /// Params of a SIGNED request (B.6.1). Timestamp and signature are made when the request is written (after any
    /// local rate-limit wait), so a queued request is never stale. On a logged-on session only the timestamp (and
    /// recvWindow) is added; otherwise apiKey, then the signature over all params.
    /// </summary>
    private RpcParams SignedParams(Action<BinanceParams>? fill, bool forceSignature = false)
    {
        var credentials = _credentials ?? throw new InvalidOperationException("This Binance request is signed: set BinanceApiClientOptions.Credentials.");
        return RpcParams.Create(writer =>
        {
            var parameters = new BinanceParams();
            fill?.Invoke(parameters);
            var sign = forceSignature || !IsLoggedOn;
            if (sign)
            {
                parameters.Add("apiKey", credentials.ApiKey);
            }

            parameters.Add("timestamp", ServerNowMs());
            parameters.Add("recvWindow", _recvWindowMs);
            if (sign)
            {
                parameters.Add("signature", BinanceSigner.Sign(credentials, parameters.AsPairs()));
            }

            parameters.WriteTo(writer);
        });
    }

    /// <summary>Params of an unsigned request.</summary>
    private static RpcParams PlainParams(Action<BinanceParams> fill) => RpcParams.Create(writer =>
    {
        var parameters = new BinanceParams();
        fill(parameters);
        parameters.WriteTo(writer);
    });

    /// <summary>The user data subscribe request for the current session: plain on a logged-on session, signed otherwise (B.6.4).</summary>
    internal (string Method, RpcParams Params) UserDataSubscribeRequest() => IsLoggedOn
        ? ("userDataStream.subscribe", RpcParams.None)
        : ("userDataStream.subscribe.signature", SignedParams(null, forceSignature: true));
}
