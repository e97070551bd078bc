namespace ZenWebsocket;

/// <summary>Counters of a <see cref="RequestCorrelator"/> since it was created.</summary>
/// <param name="Pending">Requests waiting for a response now.</param>
/// <param name="Completed">Requests answered with a result.</param>
/// <param name="ExchangeErrors">Requests answered with an error.</param>
/// <param name="TimedOut">Requests that got no response in time.</param>
/// <param name="ConnectionLost">Requests failed because their connection ended.</param>
/// <param name="Unmatched">Responses whose id matched nothing.</param>
/// <param name="Late">Responses that arrived after their request timed out (dropped).</param>
public sealed record RequestCorrelatorStats(int Pending, long Completed, long ExchangeErrors, long TimedOut, long ConnectionLost, long Unmatched, long Late);
