using System.Security.Cryptography;
using System.Text;

namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>The <c>client_signature</c> check of A.3: lowercase hex HMAC-SHA256 of <c>timestamp\nnonce\ndata</c> keyed by the secret.</summary>
internal static class Signatures
{
    public static string Compute(string secret, long timestamp, string nonce, string data)
    {
        var message = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n" + nonce + "\n" + data;
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message)));
    }

    public static bool Verify(string secret, long timestamp, string nonce, string data, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Compute(secret, timestamp, nonce, data));
        var given = Encoding.ASCII.GetBytes(signature);

        // Constant time, as a real server would compare: a simulator should not teach timing leaks by example.
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>A token that looks like Deribit's: <c>{ms}.{random}.{random}</c>.</summary>
    public static string NewToken(long milliseconds) =>
        milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + Random(8) + "." + Random(32);

    private static string Random(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return RandomNumberGenerator.GetString(alphabet, length);
    }
}
