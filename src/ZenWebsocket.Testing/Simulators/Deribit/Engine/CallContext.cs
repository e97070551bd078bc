using System.Net.WebSockets;

namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>One request being handled: who sent it, its params, the time, and what to do after the response.</summary>
internal sealed class CallContext(ClientConnection connection, RpcRequest request, DateTimeOffset now)
{
    public ClientConnection Connection { get; } = connection;

    public RpcRequest Request { get; } = request;

    public RpcParams Params => Request.Params;

    public DateTimeOffset Now { get; } = now;

    public long NowMs => Num.Millis(Now);

    /// <summary>The token private methods run under; set by the dispatcher before a private handler runs.</summary>
    public AuthToken? Token { get; set; }

    public AccountState Account => (Token ?? throw RpcException.Of(ErrorCodes.Unauthorized)).Account;

    /// <summary>Runs after the response is queued, e.g. a book snapshot that must follow the subscribe result.</summary>
    public List<Action> After { get; } = [];

    /// <summary>No response at all (<c>private/logout</c>).</summary>
    public bool NoResponse { get; set; }

    /// <summary>Close the WebSocket after the response.</summary>
    public (WebSocketCloseStatus Status, string Reason)? CloseAfter { get; set; }
}
