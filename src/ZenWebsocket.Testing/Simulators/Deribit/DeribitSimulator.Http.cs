using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ZenWebsocket.Testing.Simulators.Deribit;

public sealed partial class DeribitSimulator
{
    private const int MaxBodyBytes = 32 * 1024;

    /// <summary>
    /// <c>GET /api/v2/public/get_time?…</c> (params in the query) or <c>POST</c> with a JSON-RPC body. Auth by
    /// <c>Authorization: Bearer &lt;token&gt;</c>, <c>Basic id:secret</c> or an <c>access_token</c> param.
    /// </summary>
    private async Task HandleHttpAsync(HttpContext context, string method)
    {
        var ip = ClientIp(context);
        if (!_exchange.TryAcquireSlot(ip))
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }

        try
        {
            var body = await RequestTextAsync(context, method).ConfigureAwait(false);
            var connection = Exchange.HttpConnection(ip);
            _exchange.AuthorizeHttp(connection, context.Request.Headers.Authorization.ToString());
            var (text, error) = body is null
                ? (Envelope.Error(null, RpcException.Of(ErrorCodes.EntityTooLarge), 0, 0, _options.Testnet), ErrorCodes.EntityTooLarge)
                : await _exchange.HandleHttpAsync(connection, body, method.Length == 0 ? null : method, context.RequestAborted).ConfigureAwait(false);

            // Deribit answers JSON-RPC errors over HTTP with 400, rate limiting with 429.
            context.Response.StatusCode = error switch
            {
                null => StatusCodes.Status200OK,
                ErrorCodes.TooManyRequests => StatusCodes.Status429TooManyRequests,
                _ => StatusCodes.Status400BadRequest,
            };
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            _exchange.ReleaseSlot(ip);
        }
    }

    /// <summary>The request as JSON-RPC text; <see langword="null"/> when the body is over 32 kB.</summary>
    private static async Task<string?> RequestTextAsync(HttpContext context, string method)
    {
        if (HttpMethods.IsPost(context.Request.Method))
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var buffer = new char[MaxBodyBytes + 1];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), context.RequestAborted).ConfigureAwait(false);
            if (read > MaxBodyBytes)
            {
                return null;
            }

            if (read > 0)
            {
                return new string(buffer, 0, read);
            }
        }

        // GET (or an empty POST): named params from the query string, all strings, as Deribit reads them.
        var parameters = new JsonObject();
        foreach (var (name, value) in context.Request.Query)
        {
            parameters[name] = value.ToString();
        }

        return new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters }.ToJsonString();
    }
}
