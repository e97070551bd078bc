using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Deribit;

internal sealed partial class Exchange
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CountSignal> _requestSignals = new(StringComparer.Ordinal);

    /// <summary>The awaitable count of one method's requests (created on first use, before or after the first request).</summary>
    public CountSignal RequestSignal(string method) => _requestSignals.GetOrAdd(method, static m => new CountSignal($"'{m}' requests"));

    public IReadOnlyDictionary<string, int> RequestCounts()
    {
        lock (_lock)
        {
            return new Dictionary<string, int>(_requests, StringComparer.Ordinal);
        }
    }

    public IReadOnlyDictionary<long, DeribitAuthInfo> LastAuth()
    {
        lock (_lock)
        {
            return new Dictionary<long, DeribitAuthInfo>(_lastAuth);
        }
    }

    public void InjectBookGap(string instrument)
    {
        lock (_lock)
        {
            if (!_instruments.TryGetValue(instrument, out var state))
            {
                throw new ArgumentException($"Unknown instrument '{instrument}'.", nameof(instrument));
            }

            state.Feed.InjectGap();
        }
    }

    /// <summary>Maintenance (A.12): platform_state says locked, public/status says locked, matching-engine calls get 11051.</summary>
    public void SetMaintenance(bool on, bool closeConnections)
    {
        lock (_lock)
        {
            _maintenance = on;
            foreach (var index in _instruments.Values.Select(i => i.IndexName).Distinct())
            {
                Publish("platform_state", new JsonObject { ["price_index"] = index, ["locked"] = on });
            }

            if (on && closeConnections)
            {
                foreach (var connection in _connections.Values.ToList())
                {
                    CloseConnection(connection, WebSocketCloseStatus.EndpointUnavailable, "system_maintenance");
                }
            }
        }
    }

    public void MarkSilent()
    {
        lock (_lock)
        {
            foreach (var connection in _connections.Values)
            {
                connection.Silent = true;
                connection.StopHeartbeat();
            }
        }
    }
}
