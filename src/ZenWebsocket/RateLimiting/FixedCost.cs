namespace ZenWebsocket;

/// <summary>Every method costs the same.</summary>
public sealed class FixedCost : IRequestCost
{
    /// <summary>Creates the cost.</summary>
    /// <param name="cost">Tokens each request takes; 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is negative.</exception>
    public FixedCost(int cost)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cost);
        Cost = cost;
    }

    /// <summary>Gets a cost of one token per request.</summary>
    public static FixedCost One { get; } = new(1);

    /// <summary>Gets the tokens each request takes.</summary>
    public int Cost { get; }

    /// <inheritdoc />
    public int GetCost(string method) => Cost;
}
