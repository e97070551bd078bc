using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ZenWebsocket.Testing;

/// <summary>The server half of the RFC 6455 opening handshake, done by hand so the raw stream stays ours.</summary>
internal static class WebSocketHandshake
{
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    public static bool IsWebSocketUpgrade(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && request.Headers.Upgrade.Any(v => string.Equals(v, "websocket", StringComparison.OrdinalIgnoreCase));

    /// <summary>Checks the version and key; returns the Sec-WebSocket-Accept value, or null when the request is invalid.</summary>
    public static string? ComputeAccept(HttpRequest request)
    {
        if (request.Headers.SecWebSocketVersion.ToString() != "13")
        {
            return null;
        }

        var key = request.Headers.SecWebSocketKey.ToString().Trim();
        Span<byte> decoded = stackalloc byte[32];
        if (!Convert.TryFromBase64String(key, decoded, out var length) || length != 16)
        {
            return null;
        }

        // SHA-1 is what RFC 6455 mandates here; it is a framing check, not security.
#pragma warning disable CA5350
        var hash = SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid));
#pragma warning restore CA5350
        return Convert.ToBase64String(hash);
    }

    /// <summary>
    /// Accepts the upgrade by hand (not <c>AcceptWebSocketAsync</c>), which keeps the raw stream ours: checks the key,
    /// writes the 101 headers and returns the upgraded stream behind a <see cref="GatedDuplexStream"/>. An invalid key
    /// or version gets a 400 and null.
    /// </summary>
    public static async Task<GatedDuplexStream?> AcceptAsync(HttpContext context, IHttpUpgradeFeature upgrade, string? subprotocol = null)
    {
        var accept = ComputeAccept(context.Request);
        if (accept is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }

        var headers = context.Response.Headers;
        headers.Upgrade = "websocket";
        headers.Connection = "Upgrade";
        headers.SecWebSocketAccept = accept;
        if (subprotocol is not null)
        {
            headers.SecWebSocketProtocol = subprotocol;
        }

        return new GatedDuplexStream(await upgrade.UpgradeAsync().ConfigureAwait(false));
    }

    /// <summary>The first subprotocol the client offers that the server supports, in the client's order.</summary>
    public static string? SelectSubprotocol(HttpRequest request, IReadOnlyList<string> supported)
    {
        foreach (var header in request.Headers.SecWebSocketProtocol)
        {
            foreach (var offered in (header ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (supported.Contains(offered, StringComparer.Ordinal))
                {
                    return offered;
                }
            }
        }

        return null;
    }

    public static Dictionary<string, string> CaptureHeaders(HttpRequest request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        return headers;
    }
}
