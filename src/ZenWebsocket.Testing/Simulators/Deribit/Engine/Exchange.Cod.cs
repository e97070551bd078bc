using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Deribit;

internal sealed partial class Exchange
{
    private static JsonNode SetCancelOnDisconnect(CallContext c, bool enabled)
    {
        var scope = c.Params.OneOf("scope", "connection", "connection", "account");
        if (scope == "connection" && !c.Connection.IsWebSocket)
        {
            // A.8: connection scope only exists on a WebSocket; HTTP has no connection to watch.
            throw RpcException.Of(ErrorCodes.MustBeWebSocket);
        }

        if (scope == "account")
        {
            c.Account.CancelOnDisconnect = enabled;
        }

        // Account scope also covers the calling connection, so a bot that sets it once is protected right away.
        if (c.Connection.IsWebSocket)
        {
            c.Connection.CancelOnDisconnect = enabled;
        }

        return "ok";
    }

    private JsonNode GetCancelOnDisconnect(CallContext c)
    {
        var scope = c.Params.OneOf("scope", "connection", "connection", "account");
        var enabled = scope == "account" ? c.Account.CancelOnDisconnect : c.Connection.CancelOnDisconnect;
        return new JsonObject { ["scope"] = scope, ["enabled"] = enabled };
    }
}
