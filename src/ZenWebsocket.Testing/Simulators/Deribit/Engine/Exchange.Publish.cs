using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Deribit;

internal sealed partial class Exchange
{
    // What one operation (a request or a market tick) changed; Flush turns it into notifications, in one batch.
    private readonly HashSet<InstrumentState> _touchedBooks = [];
    private readonly List<(InstrumentState Instrument, JsonObject Trade)> _publicTrades = [];
    private readonly List<SimOrder> _changedOrders = [];
    private readonly List<(AccountState Account, InstrumentState Instrument, JsonObject Trade)> _userTrades = [];
    private readonly HashSet<(AccountState Account, string Currency)> _touchedAccounts = [];

    private static readonly string[] AggregatedIntervals = ["100ms", "agg2"];

    private void Publish(string channel, JsonNode data)
    {
        if (_subscribers.TryGetValue(channel, out var connections) && connections.Count > 0)
        {
            var text = Envelope.Subscription(channel, data);
            foreach (var connection in connections)
            {
                connection.Send(text);
            }
        }
    }

    /// <summary>Private channels go only to connections authenticated as <paramref name="account"/>.</summary>
    private void PublishTo(AccountState account, string channel, Func<JsonNode> data)
    {
        if (!_subscribers.TryGetValue(channel, out var connections))
        {
            return;
        }

        JsonNode? built = null;
        foreach (var connection in connections.Where(c => c.Auth?.Account == account))
        {
            built ??= data();
            connection.Send(Envelope.Subscription(channel, built, connection.SubscriptionLabel));
        }
    }

    /// <summary>Channel names an event of <paramref name="i"/> is published on: by instrument, and by kind/currency incl. <c>any</c>.</summary>
    private static IEnumerable<string> Scoped(string prefix, InstrumentState i, string interval)
    {
        yield return $"{prefix}.{i.Name}.{interval}";
        foreach (var kind in new[] { i.Kind, "any" })
        {
            foreach (var currency in new[] { i.Currency, "any" })
            {
                yield return $"{prefix}.{kind}.{currency}.{interval}";
            }
        }
    }

    private void Flush()
    {
        var now = Now();
        foreach (var instrument in _touchedBooks)
        {
            if (instrument.Feed.CommitRaw(instrument.Book) is { Suppressed: false } delta)
            {
                Publish($"book.{instrument.Name}.raw", BookFeed.Change(instrument.Name, now, delta));
            }
        }

        _touchedBooks.Clear();
        foreach (var group in _publicTrades.GroupBy(t => t.Instrument))
        {
            var trades = group.Select(t => t.Trade).ToArray();
            group.Key.PendingTrades.AddRange(trades);
            foreach (var channel in Scoped("trades", group.Key, "raw"))
            {
                Publish(channel, new JsonArray(trades.Select(t => (JsonNode)t.DeepClone()).ToArray()));
            }
        }

        _publicTrades.Clear();
        FlushUser();
    }

    private void FlushUser()
    {
        foreach (var order in _changedOrders.Distinct())
        {
            if (order.Owner is not { } owner)
            {
                continue;
            }

            foreach (var channel in Scoped("user.orders", order.Instrument, "raw"))
            {
                PublishTo(owner, channel, () => OrderJson(order));
            }

            foreach (var channel in AggregatedIntervals.SelectMany(n => Scoped("user.orders", order.Instrument, n)))
            {
                PublishTo(owner, channel, () => new JsonArray(OrderJson(order)));
            }
        }

        foreach (var group in _userTrades.GroupBy(t => (t.Account, t.Instrument)))
        {
            var trades = group.Select(t => t.Trade).ToArray();
            foreach (var channel in Intervals.SelectMany(n => Scoped("user.trades", group.Key.Instrument, n)))
            {
                PublishTo(group.Key.Account, channel, () => new JsonArray(trades.Select(t => (JsonNode)t.DeepClone()).ToArray()));
            }
        }

        PublishChanges();
        foreach (var (account, currency) in _touchedAccounts)
        {
            foreach (var channel in new[] { "user.portfolio." + currency, "user.portfolio." + currency.ToLowerInvariant() }.Distinct())
            {
                PublishTo(account, channel, () => AccountSummary(account, currency));
            }
        }

        _changedOrders.Clear();
        _userTrades.Clear();
        _touchedAccounts.Clear();
    }

    /// <summary><c>user.changes.*</c>: per account and instrument, the orders, trades and position this batch touched.</summary>
    private void PublishChanges()
    {
        var keys = _changedOrders.Where(o => o.Owner is not null).Select(o => (Account: o.Owner!, o.Instrument))
            .Concat(_userTrades.Select(t => (t.Account, t.Instrument))).Distinct();
        foreach (var (account, instrument) in keys)
        {
            JsonNode Build() => new JsonObject
            {
                ["instrument_name"] = instrument.Name,
                ["orders"] = new JsonArray(_changedOrders.Distinct().Where(o => o.Owner == account && o.Instrument == instrument).Select(o => (JsonNode)OrderJson(o)).ToArray()),
                ["trades"] = new JsonArray(_userTrades.Where(t => t.Account == account && t.Instrument == instrument).Select(t => (JsonNode)t.Trade.DeepClone()).ToArray()),
                ["positions"] = new JsonArray(PositionJson(account.PositionOf(instrument))),
            };
            foreach (var channel in Intervals.SelectMany(n => Scoped("user.changes", instrument, n)))
            {
                PublishTo(account, channel, Build);
            }
        }
    }
}
