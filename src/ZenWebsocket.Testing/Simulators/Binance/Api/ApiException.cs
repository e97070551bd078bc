using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>A refused WebSocket API request: the HTTP-like status, the Binance error code and message (B.9).</summary>
internal sealed class ApiException(int status, int code, string message, JsonObject? data = null) : Exception(message)
{
    public int Status { get; } = status;

    public int Code { get; } = code;

    public JsonObject? Details { get; } = data;

    public static ApiException Bad(int code, string message) => new(400, code, message);

    public static ApiException Missing(string name) =>
        Bad(ApiErrors.MandatoryParam, $"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.");

    public static ApiException NotRequired(string name) => Bad(ApiErrors.ParamNotRequired, $"Parameter '{name}' sent when not required.");

    public static ApiException BadKey() => new(401, ApiErrors.RejectedKey, ApiErrors.RejectedKeyMessage);
}
