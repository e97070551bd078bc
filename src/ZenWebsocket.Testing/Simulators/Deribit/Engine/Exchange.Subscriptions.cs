using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Deribit;

internal sealed partial class Exchange
{
    private static readonly string[] Intervals = ["raw", "100ms", "agg2"];
    private static readonly string[] Kinds = ["future", "option", "spot", "combo", "future_combo", "option_combo", "any"];
    private static readonly string[] Groups = ["none", "1", "2", "5", "10", "25", "100", "250"];
    private static readonly string[] Depths = ["1", "10", "20"];

    private readonly Dictionary<string, HashSet<ClientConnection>> _subscribers = new(StringComparer.Ordinal);

    private JsonNode Subscribe(CallContext c, bool privateCall)
    {
        var channels = c.Params.RequireStrings("channels");
        var authenticated = c.Token is not null;
        if (!authenticated && channels.Any(ch => ch.EndsWith(".raw", StringComparison.Ordinal) && !ch.StartsWith("user.", StringComparison.Ordinal)))
        {
            throw RpcException.Of(ErrorCodes.RawNeedsAuth);
        }

        if (privateCall && c.Params.String("label") is { } label)
        {
            c.Connection.SubscriptionLabel = label.Length <= 16 ? label : throw RpcException.Invalid("label", "must be at most 16 characters");
        }

        // Invalid, unknown or unauthorised channels are silently left out of the result (A.6).
        var accepted = new List<string>();
        foreach (var channel in channels.Distinct(StringComparer.Ordinal))
        {
            var isPrivate = channel.StartsWith("user.", StringComparison.Ordinal);
            if ((isPrivate && !privateCall) || !IsValidChannel(channel))
            {
                continue;
            }

            accepted.Add(channel);
            if (c.Connection.Channels.Add(channel))
            {
                if (!_subscribers.TryGetValue(channel, out var set))
                {
                    set = [];
                    _subscribers[channel] = set;
                }

                set.Add(c.Connection);
                var connection = c.Connection;
                c.After.Add(() => SendInitial(connection, channel));
            }
        }

        return new JsonArray(accepted.Select(ch => (JsonNode)ch).ToArray());
    }

    private JsonNode Unsubscribe(CallContext c)
    {
        var removed = c.Params.RequireStrings("channels").Distinct(StringComparer.Ordinal)
            .Where(ch => c.Connection.Channels.Remove(ch)).ToList();
        removed.ForEach(ch => Unsubscribe(c.Connection, ch));
        return new JsonArray(removed.Select(ch => (JsonNode)ch).ToArray());
    }

    private JsonNode UnsubscribeAll(CallContext c)
    {
        foreach (var channel in c.Connection.Channels)
        {
            Unsubscribe(c.Connection, channel);
        }

        c.Connection.Channels.Clear();
        return "ok";
    }

    private void Unsubscribe(ClientConnection connection, string channel)
    {
        if (_subscribers.TryGetValue(channel, out var set) && set.Remove(connection) && set.Count == 0)
        {
            _subscribers.Remove(channel);
        }
    }

    /// <summary>The first message of a channel: a book snapshot (A.6.1) or the current account summary.</summary>
    private void SendInitial(ClientConnection connection, string channel)
    {
        var parts = channel.Split('.');
        if (parts is ["book", var name, var interval])
        {
            var snapshot = _instruments[name].Feed.Snapshot(name, Now(), aggregated: interval != "raw");
            connection.Send(Envelope.Subscription(channel, snapshot));
        }
        else if (parts is ["user", "portfolio", var currency] && connection.Auth is { } auth)
        {
            connection.Send(Envelope.Subscription(channel, AccountSummary(auth.Account, currency.ToUpperInvariant()), connection.SubscriptionLabel));
        }
    }

    private bool IsValidChannel(string channel) => channel.Split('.') switch
    {
        ["book", var i, var n] => IsInstrument(i) && Intervals.Contains(n),
        ["book", var i, var g, var d, var n] => IsInstrument(i) && Groups.Contains(g) && Depths.Contains(d) && n != "raw" && Intervals.Contains(n),
        ["ticker", var i, var n] => IsInstrument(i) && Intervals.Contains(n),
        ["trades", var i, var n] => IsInstrument(i) && Intervals.Contains(n),
        ["trades", var k, var cur, var n] => IsKindCurrency(k, cur) && Intervals.Contains(n),
        ["deribit_price_index", var index] => _instruments.Values.Any(x => x.IndexName == index),
        ["platform_state"] => true,
        ["user", "orders" or "trades" or "changes", var i, var n] => IsInstrument(i) && Intervals.Contains(n),
        ["user", "orders" or "trades" or "changes", var k, var cur, var n] => IsKindCurrency(k, cur) && Intervals.Contains(n),
        ["user", "portfolio", var cur] => IsCurrency(cur.ToUpperInvariant()),
        _ => false,
    };

    private bool IsInstrument(string name) => _instruments.ContainsKey(name);

    private bool IsCurrency(string currency) => _instruments.Values.Any(i => i.Currency == currency) || _accounts.Values.Any(a => a.Balances.ContainsKey(currency));

    private bool IsKindCurrency(string kind, string currency) => Kinds.Contains(kind) && (currency == "any" || IsCurrency(currency));
}
