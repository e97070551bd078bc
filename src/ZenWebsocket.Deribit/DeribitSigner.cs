using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ZenWebsocket.Deribit;

/// <summary>The one place the client secret is used to sign (A.3, WebSocket form).</summary>
internal static class DeribitSigner
{
    /// <summary>lowercase hex(HMAC-SHA256(secret, timestamp + "\n" + nonce + "\n" + data)).</summary>
    public static string Sign(DeribitCredentials credentials, long timestamp, string nonce, string data) =>
        Sign(credentials.ClientSecret, timestamp, nonce, data);

    public static string Sign(string secret, long timestamp, string nonce, string data)
    {
        var message = timestamp.ToString(CultureInfo.InvariantCulture) + "\n" + nonce + "\n" + data;
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message));
        return Convert.ToHexStringLower(mac);
    }
}
