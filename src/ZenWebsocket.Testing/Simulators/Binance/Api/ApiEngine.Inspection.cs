using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Binance;

internal sealed partial class ApiEngine
{
    private readonly Dictionary<string, Queue<ApiInjectedError>> _injected = new(StringComparer.Ordinal);

    public IReadOnlyList<BinanceSimOrder> Orders(string? symbol)
    {
        lock (_lock)
        {
            return [.. _orders.Values.Where(o => symbol is null || o.Symbol.Symbol == symbol).OrderBy(o => o.OrderId).Select(o => o.Snapshot())];
        }
    }

    public decimal Balance(string asset, string account)
    {
        lock (_lock)
        {
            return Account(account).Free(asset);
        }
    }

    public decimal LockedBalance(string asset, string account)
    {
        lock (_lock)
        {
            return Account(account).Get(asset).Locked;
        }
    }

    public long RequestsReceived(string method)
    {
        lock (_lock)
        {
            return _requests.GetValueOrDefault(method);
        }
    }

    public async Task WaitForRequestsAsync(string method, int count, CancellationToken cancellationToken)
    {
        TaskCompletionSource done;
        lock (_lock)
        {
            if (_requests.GetValueOrDefault(method) >= count)
            {
                return;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _requestWaiters.Add((method, count, done));
        }

        await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Charges REST request weight to the IP's REQUEST_WEIGHT minute, the one budget B.8 says REST and the WebSocket
    /// API share. Returns the weight used in the current minute and, when the request is refused, why: a banned IP
    /// (418, nothing charged) or a minute over its limit (429, a violation that may ban the IP and drop its
    /// WebSocket API connections). The refusal's <c>retryAfter</c> detail is the epoch ms when it may retry.
    /// </summary>
    public (int Used, ApiException? Refusal) AddSharedWeight(string ip, int weight)
    {
        lock (_lock)
        {
            var now = Now;
            if (_limits.BannedUntil(ip, now) is { } until)
            {
                return (_limits.Weight(ip, now), Banned(until, now));
            }

            var used = _limits.AddWeight(ip, weight, now);
            if (used <= _limits.WeightLimit)
            {
                return (used, null);
            }

            var refusal = WeightExceeded(ip, now);
            if (refusal.Status == 418)
            {
                DropIp(ip);
            }

            return (used, refusal);
        }
    }

    public void DropAfterExecuting(string method, int count)
    {
        lock (_lock)
        {
            _dropAfter[method] = count;
        }
    }

    public void InjectError(string method, ApiInjectedError error, int count)
    {
        lock (_lock)
        {
            if (!_injected.TryGetValue(method, out var queue))
            {
                queue = new Queue<ApiInjectedError>();
                _injected[method] = queue;
            }

            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(error);
            }
        }
    }

    public void RevokeKey(string apiKey)
    {
        lock (_lock)
        {
            if (!_keys.ContainsKey(apiKey))
            {
                throw new ArgumentException($"No account has API key {apiKey}.", nameof(apiKey));
            }

            _revoked.Add(apiKey);
        }
    }

    public void Deposit(string asset, decimal amount, string account)
    {
        lock (_lock)
        {
            var state = Account(account);
            var now = Now;
            state.Get(asset).Free += amount;
            var output = new List<(ApiSession, string)>();
            Emit(output, state.Name, new JsonObject { ["e"] = "balanceUpdate", ["E"] = now, ["a"] = asset, ["d"] = ApiJson.Amount(amount), ["T"] = now });
            AccountPosition(output, state, now, asset);
            Flush(output);
        }
    }

    public void FillOpenOrders(string symbol)
    {
        lock (_lock)
        {
            var now = Now;
            var output = new List<(ApiSession, string)>();
            foreach (var order in _open.Values.Where(o => o.Symbol.Symbol == symbol).ToList())
            {
                Fill(output, order, _accounts[order.Account], order.Price, maker: true, now);
            }

            Flush(output);
        }
    }

    private ApiInjectedError? TakeInjectedError(string method) =>
        _injected.TryGetValue(method, out var queue) && queue.TryDequeue(out var error) ? error : null;

    private AccountState Account(string name) =>
        _accounts.TryGetValue(name, out var state) ? state : throw new ArgumentException($"No account named {name}.", nameof(name));
}
