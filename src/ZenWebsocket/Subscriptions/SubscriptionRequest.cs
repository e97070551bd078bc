namespace ZenWebsocket;

/// <summary>One subscribe or unsubscribe request on the wire and the topics it covers.</summary>
/// <param name="Method">The request method.</param>
/// <param name="Params">The request params.</param>
/// <param name="Topics">The canonical topics it covers.</param>
public sealed record SubscriptionRequest(string Method, RpcParams Params, IReadOnlyList<string> Topics);
