using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>Security type of a WebSocket API method (B.6.1).</summary>
internal enum ApiSecurity
{
    None,
    Trade,
    UserData,
    UserStream,
}

/// <summary>One method of the WebSocket API: its security, its weight (which may depend on params) and its handler.</summary>
internal sealed record ApiMethod(ApiSecurity Security, Func<ApiRequest, int> Weight, Func<ApiCallContext, JsonNode?> Handler, bool CountsOrders = false);
