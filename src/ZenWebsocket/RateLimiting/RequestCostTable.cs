using System.Collections.Frozen;

namespace ZenWebsocket;

/// <summary>Costs looked up by exact method name (ordinal), with a default for every other method.</summary>
public sealed class RequestCostTable : IRequestCost
{
    private readonly FrozenDictionary<string, int> _costs;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Creates the table.</summary>
    /// <param name="costs">Method name to cost; every cost 0 or more.</param>
    /// <param name="defaultCost">The cost of a method not in the table; 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">A cost is negative.</exception>
    public RequestCostTable(IEnumerable<KeyValuePair<string, int>> costs, int defaultCost)
    {
        ArgumentNullException.ThrowIfNull(costs);
        ArgumentOutOfRangeException.ThrowIfNegative(defaultCost);
        _costs = costs.ToFrozenDictionary(StringComparer.Ordinal);
        foreach (var (method, cost) in _costs)
        {
            if (cost < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(costs), cost, $"The cost of '{method}' must be 0 or more.");
            }
        }

        _lookup = _costs.GetAlternateLookup<ReadOnlySpan<char>>();
        DefaultCost = defaultCost;
    }

    /// <summary>Gets the cost of a method not in the table.</summary>
    public int DefaultCost { get; }

    /// <summary>Gets the table's entries.</summary>
    public IReadOnlyDictionary<string, int> Costs => _costs;

    /// <inheritdoc />
    public int GetCost(string method) => method is null ? DefaultCost : GetCost(method.AsSpan());

    /// <summary>Returns the cost of <paramref name="method"/> without allocating.</summary>
    /// <param name="method">The method name.</param>
    /// <returns>The table's cost, or <see cref="DefaultCost"/>.</returns>
    public int GetCost(ReadOnlySpan<char> method) => _lookup.TryGetValue(method, out var cost) ? cost : DefaultCost;
}
