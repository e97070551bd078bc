using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Deribit;

internal sealed partial class Exchange
{
    /// <summary>Handles one WebSocket message: parses, dispatches, queues the response and what follows it.</summary>
    public async Task HandleWebSocketAsync(ClientConnection connection, string text, CancellationToken cancellationToken)
    {
        var usIn = Num.Micros(_time.GetUtcNow());
        var delay = _responseDelay;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }

        var drop = false;
        lock (_lock)
        {
            if (connection.Closed)
            {
                return;
            }

            connection.ReceivedSinceTick = true;
            var request = RpcRequest.Parse(text, methodFromPath: null, out var error, out var id);
            if (error is not null)
            {
                connection.Send(Envelope.Error(id, error, usIn, Num.Micros(_time.GetUtcNow()), _options.Testnet));
                return;
            }

            var response = Execute(connection, request, usIn, out _, out var context);
            drop = DropAfter is { } method && method == request.Method;
            if (drop)
            {
                // The request was executed; its answer is lost with the connection (an order whose outcome is unknown).
                DropAfter = null;
            }
            else if (response is not null)
            {
                connection.Send(response);
            }

            foreach (var after in context.After)
            {
                after();
            }

            Flush();
            if (context.CloseAfter is { } close)
            {
                CloseConnection(connection, close.Status, close.Reason);
            }
        }

        if (drop)
        {
            connection.Sink?.Abort();
        }
    }

    /// <summary>Answers a message too large to read (A.1: more than 32 kB gives -32600).</summary>
    public void RejectOversized(ClientConnection connection)
    {
        var now = Num.Micros(_time.GetUtcNow());
        connection.Send(Envelope.Error(null, RpcException.Of(ErrorCodes.EntityTooLarge), now, now, _options.Testnet));
    }

    /// <summary>Handles one HTTP call; returns the response body and whether it is an error.</summary>
    public async Task<(string Body, int? ErrorCode)> HandleHttpAsync(ClientConnection connection, string text, string? method, CancellationToken cancellationToken)
    {
        var usIn = Num.Micros(_time.GetUtcNow());
        if (_responseDelay > TimeSpan.Zero)
        {
            await Task.Delay(_responseDelay, _time, cancellationToken).ConfigureAwait(false);
        }

        lock (_lock)
        {
            var request = RpcRequest.Parse(text, method, out var error, out var id);
            if (error is not null)
            {
                return (Envelope.Error(id, error, usIn, Num.Micros(_time.GetUtcNow()), _options.Testnet), error.Code);
            }

            var response = Execute(connection, request, usIn, out var code, out _);
            Flush();
            return (response ?? string.Empty, code);
        }
    }

    private string? Execute(ClientConnection connection, RpcRequest request, long usIn, out int? errorCode, out CallContext context)
    {
        var now = _time.GetUtcNow();
        context = new CallContext(connection, request, now);
        errorCode = null;
        _requests[request.Method] = _requests.GetValueOrDefault(request.Method) + 1;
        RequestSignal(request.Method).Increment();
        JsonNode? result;
        try
        {
            result = Invoke(context);
        }
        catch (RpcException ex)
        {
            errorCode = ex.Code;
            return Envelope.Error(request.IdJson, ex, usIn, Num.Micros(_time.GetUtcNow()), _options.Testnet);
        }

        return context.NoResponse ? null : Envelope.Result(request.IdJson, result, usIn, Num.Micros(_time.GetUtcNow()), _options.Testnet);
    }

    private JsonNode? Invoke(CallContext context)
    {
        var method = context.Request.Method;
        var connection = context.Connection;
        if (!_methods.TryGetValue(method, out var spec))
        {
            throw RpcException.Of(ErrorCodes.MethodNotFound);
        }

        var key = connection.Auth is { } auth && auth.IsValid(context.Now) ? "account:" + auth.Account.ClientId : "ip:" + connection.RemoteIp;
        if (!_limiter.TryTake(key, method))
        {
            // A.11: the answer is 10028 and the session is terminated.
            context.CloseAfter = (WebSocketCloseStatus.PolicyViolation, "too_many_requests");
            throw RpcException.Of(ErrorCodes.TooManyRequests);
        }

        if (spec.WebSocketOnly && !connection.IsWebSocket)
        {
            throw RpcException.Of(ErrorCodes.MustBeWebSocket);
        }

        if (method.StartsWith("private/", StringComparison.Ordinal))
        {
            context.Token = ResolveToken(context);
            if (spec.ScopeArea is { } area && !context.Token.Scope.Allows(area, spec.ScopeLevel))
            {
                throw RpcException.Of(ErrorCodes.Forbidden, $"scope {area}:{(spec.ScopeLevel == 2 ? "read_write" : "read")} required");
            }
        }
        else if (connection.Auth is { } current && current.IsValid(context.Now))
        {
            context.Token = current;
        }

        if (_maintenance && CreditLimiter.IsMatchingEngine(method))
        {
            throw RpcException.Of(ErrorCodes.SystemMaintenance);
        }

        return spec.Handler(context);
    }

    /// <summary>The token for a private call: an explicit <c>access_token</c> param, else the connection's own auth.</summary>
    private AuthToken ResolveToken(CallContext context)
    {
        var explicitToken = context.Params.String("access_token");
        AuthToken? token;
        if (explicitToken is not null)
        {
            if (!_tokensByAccess.TryGetValue(explicitToken, out token))
            {
                throw RpcException.Of(ErrorCodes.Unauthorized, "invalid token", "access_token");
            }

            if (context.Connection.IsWebSocket && token.BoundConnection != 0 && token.BoundConnection != context.Connection.Id)
            {
                throw RpcException.Of(ErrorCodes.Unauthorized, "connection-scoped token used on another connection", "access_token");
            }
        }
        else
        {
            token = context.Connection.Auth ?? throw RpcException.Of(ErrorCodes.Unauthorized, "authorization is required for private methods");
        }

        if (token.Revoked)
        {
            throw RpcException.Of(ErrorCodes.Unauthorized, "token has been invalidated", "access_token");
        }

        return token.IsValid(context.Now) ? token : throw RpcException.Of(ErrorCodes.Unauthorized, "token has expired", "access_token");
    }
}
