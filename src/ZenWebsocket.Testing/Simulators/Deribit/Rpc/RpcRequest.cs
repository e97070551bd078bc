using System.Text.Json;

namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>One parsed JSON-RPC request: the raw id (echoed byte for byte), the method and its named params.</summary>
internal sealed record RpcRequest(string? IdJson, string Method, RpcParams Params)
{
    /// <summary>
    /// Parses one WebSocket message or POST body. Anything Deribit rejects (A.2, A.13 item 1) becomes an
    /// <see cref="RpcException"/> plus whatever id could be recovered, so the error still correlates when possible.
    /// </summary>
    public static RpcRequest Parse(string text, string? methodFromPath, out RpcException? error, out string? idJson)
    {
        error = null;
        idJson = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            error = RpcException.Of(ErrorCodes.ParseError);
            return Invalid;
        }

        // The document backs the params for the life of the request; it is small and garbage collected.
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            error = RpcException.Of(ErrorCodes.BadRequest, "batch requests are not supported");
            return Invalid;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            error = RpcException.Of(ErrorCodes.BadRequest, "a request must be a JSON object");
            return Invalid;
        }

        if (root.TryGetProperty("id", out var id))
        {
            if (id.ValueKind is JsonValueKind.Number or JsonValueKind.String)
            {
                idJson = id.GetRawText();
            }
            else
            {
                error = RpcException.Of(ErrorCodes.BadRequest, "id must be an integer or a string", "id");
                return Invalid;
            }
        }
        else if (methodFromPath is null)
        {
            // Client notifications are not supported: a request without id is an error, not fire-and-forget.
            error = RpcException.Of(ErrorCodes.BadRequest, "id is required", "id");
            return Invalid;
        }

        if (root.TryGetProperty("jsonrpc", out var version) && !(version.ValueKind == JsonValueKind.String && version.GetString() == "2.0"))
        {
            error = RpcException.Of(ErrorCodes.BadRequest, "jsonrpc must be \"2.0\"", "jsonrpc");
            return Invalid;
        }

        var method = methodFromPath;
        if (root.TryGetProperty("method", out var named) && named.ValueKind == JsonValueKind.String)
        {
            method ??= named.GetString();
        }

        if (string.IsNullOrEmpty(method))
        {
            error = RpcException.Of(ErrorCodes.BadRequest, "method is required", "method");
            return Invalid;
        }

        var parameters = RpcParams.Empty;
        if (root.TryGetProperty("params", out var p) && p.ValueKind != JsonValueKind.Null)
        {
            if (p.ValueKind != JsonValueKind.Object)
            {
                error = RpcException.Of(ErrorCodes.InvalidParams, "params must be an object of named parameters", "params");
                return new RpcRequest(idJson, method, RpcParams.Empty);
            }

            parameters = new RpcParams(p);
        }

        return new RpcRequest(idJson, method, parameters);
    }

    private static RpcRequest Invalid { get; } = new(null, string.Empty, RpcParams.Empty);
}
