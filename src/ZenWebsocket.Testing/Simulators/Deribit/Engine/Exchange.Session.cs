using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Deribit;

internal sealed partial class Exchange
{
    private const string ApiVersion = "1.2.26";

    private JsonNode Test(CallContext c)
    {
        // Any public/test answers an outstanding test_request (A.4).
        c.Connection.TestRequestPending = false;
        c.Connection.TestRequestTimer?.Dispose();
        c.Connection.TestRequestTimer = null;
        if (c.Params.String("expected_result") == "exception")
        {
            throw RpcException.Of(ErrorCodes.InternalServerError, "expected_result: exception", "expected_result");
        }

        return new JsonObject { ["version"] = ApiVersion };
    }

    private JsonNode Hello(CallContext c)
    {
        c.Params.RequireString("client_name");
        c.Params.RequireString("client_version");
        return new JsonObject { ["version"] = ApiVersion };
    }

    private JsonNode Status(CallContext c)
    {
        var indices = _maintenance ? _instruments.Values.Select(i => i.IndexName).Distinct().Select(i => (JsonNode)i).ToArray() : [];
        return new JsonObject { ["locked"] = _maintenance ? "true" : "false", ["locked_indices"] = new JsonArray(indices) };
    }

    private JsonNode SetHeartbeat(CallContext c)
    {
        var interval = c.Params.Decimal("interval") ?? throw RpcException.Missing("interval");
        if (interval < _options.MinHeartbeatIntervalSeconds)
        {
            throw RpcException.Invalid("interval", $"must be greater or equal to {_options.MinHeartbeatIntervalSeconds}");
        }

        var connection = c.Connection;
        connection.StopHeartbeat();
        var period = TimeSpan.FromSeconds((double)interval);
        connection.HeartbeatInterval = period;
        connection.ReceivedSinceTick = false;
        connection.HeartbeatTimer = _time.CreateTimer(_ => OnHeartbeatTick(connection), null, period, period);
        return "ok";
    }

    private JsonNode DisableHeartbeat(CallContext c)
    {
        c.Connection.StopHeartbeat();
        return "ok";
    }

    /// <summary>
    /// Every interval: a plain heartbeat if the client said something since the last tick, otherwise a test_request
    /// that must be answered by public/test within <see cref="DeribitSimulatorOptions.TestRequestTimeout"/> (A.4).
    /// </summary>
    private void OnHeartbeatTick(ClientConnection connection)
    {
        lock (_lock)
        {
            if (connection.Closed || connection.Silent || connection.HeartbeatInterval is not { } interval || connection.TestRequestPending)
            {
                return;
            }

            if (connection.ReceivedSinceTick)
            {
                connection.ReceivedSinceTick = false;
                connection.Send(Envelope.Notification("heartbeat", new JsonObject { ["type"] = "heartbeat" }));
                return;
            }

            connection.TestRequestPending = true;
            connection.Send(Envelope.Notification("heartbeat", new JsonObject { ["type"] = "test_request" }));
            var timeout = _options.TestRequestTimeout ?? interval;
            connection.TestRequestTimer = _time.CreateTimer(_ => OnTestRequestExpired(connection), null, timeout, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTestRequestExpired(ClientConnection connection)
    {
        lock (_lock)
        {
            if (!connection.Closed && !connection.Silent && connection.TestRequestPending)
            {
                // "The server closes the connection immediately"; the disconnect then triggers cancel-on-disconnect.
                CloseConnection(connection, WebSocketCloseStatus.PolicyViolation, "heartbeat test_request not answered");
            }
        }
    }
}
