using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>A JSON-RPC error a handler throws; the dispatcher turns it into the <c>error</c> member of the response.</summary>
internal sealed class RpcException(int code, string message, JsonObject? data = null) : Exception(message)
{
    public int Code { get; } = code;

    public JsonObject? Details { get; } = data;

    public static RpcException Of(int code, string? reason = null, string? param = null)
    {
        JsonObject? data = null;
        if (reason is not null || param is not null)
        {
            data = [];
            if (reason is not null)
            {
                data["reason"] = reason;
            }

            if (param is not null)
            {
                data["param"] = param;
            }
        }

        return new RpcException(code, ErrorCodes.MessageOf(code), data);
    }

    public static RpcException Missing(string param) => Of(ErrorCodes.MissingParams, "must be present", param);

    public static RpcException Invalid(string param, string reason) => Of(ErrorCodes.InvalidParams, reason, param);
}
