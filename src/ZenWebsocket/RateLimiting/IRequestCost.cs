namespace ZenWebsocket;

/// <summary>Says what a request costs on one limiter, from its method name.</summary>
/// <remarks>
/// Implementations must never throw for a method they do not know (or a <see langword="null"/> one): they return a
/// default cost. A cost of 0 means the limiter does not apply to that method.
/// </remarks>
public interface IRequestCost
{
    /// <summary>Returns the tokens <paramref name="method"/> takes from the limiter this cost belongs to.</summary>
    /// <param name="method">The request's method name as sent on the wire (for example <c>private/buy</c> or <c>order.place</c>).</param>
    /// <returns>The cost: 0 or more.</returns>
    int GetCost(string method);
}
