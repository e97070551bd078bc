namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>What one request's handler sees: its session, params, the time and, once checked, its key and account.</summary>
internal sealed class ApiCallContext(ApiSession session, ApiRequest request, long now)
{
    public ApiSession Session { get; } = session;

    public ApiRequest Request { get; } = request;

    /// <summary>Gets the server time in epoch milliseconds when the request was taken.</summary>
    public long Now { get; } = now;

    public BinanceSimApiKey? Key { get; set; }

    public AccountState? Account { get; set; }

    /// <summary>Gets or sets the ORDERS counts to show in <c>rateLimits</c> (order.place only).</summary>
    public (int TenSeconds, int Day)? OrderCounts { get; set; }

    /// <summary>Gets the frames that go out after the response (user-data events on this or other connections).</summary>
    public List<(ApiSession Session, string Json)> After { get; } = [];

    /// <summary>Gets or sets frames that go out before the response (e.g. <c>eventStreamTerminated</c> on logout).</summary>
    public List<string> Before { get; } = [];
}
