using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Binance;

internal sealed partial class ApiEngine
{
    /// <summary>B.6.2 <c>session.logon</c>: Ed25519 keys only; later SIGNED requests may omit apiKey and signature.</summary>
    private JsonObject SessionLogon(ApiCallContext context)
    {
        var apiKey = context.Request.String("apiKey");
        if (apiKey is not null && _keys.TryGetValue(apiKey, out var entry) && entry.Key.Type != BinanceSimKeyType.Ed25519)
        {
            throw ApiException.BadKey();
        }

        VerifySigned(context, apiKey, context.Request.String("signature"));
        var session = context.Session;
        if (session.LogonKey is { } previous && previous.ApiKey != context.Key!.ApiKey)
        {
            EndLogon(session, context);
        }

        session.LogonKey = context.Key;
        session.AuthorizedSince = context.Now;
        return SessionObject(context);
    }

    private static JsonObject SessionStatus(ApiCallContext context) => SessionObject(context);

    private static JsonObject SessionLogout(ApiCallContext context)
    {
        EndLogon(context.Session, context);
        return SessionObject(context);
    }

    /// <summary>Ends the logon and the subscriptions it made (each with <c>eventStreamTerminated</c>).</summary>
    private static void EndLogon(ApiSession session, ApiCallContext context)
    {
        foreach (var subscription in session.Subscriptions.Where(s => s.BoundToLogon).ToList())
        {
            session.Subscriptions.Remove(subscription);
            context.Before.Add(Terminated(subscription, context.Now));
        }

        session.LogonKey = null;
        session.AuthorizedSince = null;
    }

    private static JsonObject SessionObject(ApiCallContext context)
    {
        var session = context.Session;
        return new JsonObject
        {
            ["apiKey"] = session.LogonKey?.ApiKey,
            ["authorizedSince"] = session.AuthorizedSince,
            ["connectedSince"] = session.ConnectedSince,
            ["returnRateLimits"] = session.ReturnRateLimits,
            ["serverTime"] = context.Now,
            ["userDataStream"] = session.Subscriptions.Count > 0,
        };
    }

    /// <summary>B.6.4 <c>userDataStream.subscribe</c>: needs a logged-on session.</summary>
    private JsonObject Subscribe(ApiCallContext context)
    {
        var key = context.Session.LogonKey ?? throw ApiException.BadKey();
        return AddSubscription(context, _keys[key.ApiKey].Account, boundToLogon: true);
    }

    /// <summary><c>userDataStream.subscribe.signature</c>: any key type, several accounts per connection.</summary>
    private JsonObject SubscribeSigned(ApiCallContext context)
    {
        Authenticate(context, ApiSecurity.UserStream, requireExplicit: true);
        return AddSubscription(context, context.Account!, boundToLogon: false);
    }

    private static JsonObject AddSubscription(ApiCallContext context, AccountState account, bool boundToLogon)
    {
        var session = context.Session;
        if (session.Subscriptions.Any(s => s.Account == account.Name))
        {
            throw ApiException.Bad(ApiErrors.SubscriptionActive, "User Data Stream subscription already active.");
        }

        if (session.NextSubscriptionId >= 65_535)
        {
            throw ApiException.Bad(ApiErrors.MaximumSubscriptionIds, "Maximum subscription ID reached for this connection.");
        }

        var subscription = new UserDataSubscription(session.NextSubscriptionId++, account.Name, boundToLogon);
        session.Subscriptions.Add(subscription);
        return new JsonObject { ["subscriptionId"] = subscription.Id };
    }

    /// <summary><c>userDataStream.unsubscribe</c>: one subscription, or all without <c>subscriptionId</c>.</summary>
    private static JsonObject Unsubscribe(ApiCallContext context)
    {
        var session = context.Session;
        var id = context.Request.Long("subscriptionId");
        var ending = id is null ? session.Subscriptions.ToList() : session.Subscriptions.Where(s => s.Id == id).ToList();
        if (id is not null && ending.Count == 0)
        {
            throw ApiException.Bad(ApiErrors.SubscriptionInactive, "User Data Stream subscription not active.");
        }

        foreach (var subscription in ending)
        {
            session.Subscriptions.Remove(subscription);
            context.Before.Add(Terminated(subscription, context.Now));
        }

        return [];
    }

    private static JsonArray Subscriptions(ApiCallContext context) =>
        new([.. context.Session.Subscriptions.Select(s => (JsonNode)new JsonObject { ["subscriptionId"] = s.Id })]);

    private static string Terminated(UserDataSubscription subscription, long now) =>
        Wrap(subscription, new JsonObject { ["e"] = "eventStreamTerminated", ["E"] = now });

    private static string Wrap(UserDataSubscription subscription, JsonObject payload) =>
        ApiJson.Write(new JsonObject { ["subscriptionId"] = subscription.Id, ["event"] = payload });
}
