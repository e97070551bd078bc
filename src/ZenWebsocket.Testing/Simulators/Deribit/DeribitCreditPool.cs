namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>
/// One leaky bucket of Deribit's credit system (A.11): a request costs <paramref name="Cost"/> credits, the pool holds at
/// most <paramref name="Capacity"/> and refills <paramref name="RefillPerSecond"/> credits a second, continuously.
/// Burst = Capacity / Cost, sustained rate = RefillPerSecond / Cost.
/// </summary>
/// <param name="Cost">Credits one request takes.</param>
/// <param name="Capacity">The pool's maximum (and starting) credits.</param>
/// <param name="RefillPerSecond">Credits added per second.</param>
public sealed record DeribitCreditPool(long Cost, long Capacity, long RefillPerSecond)
{
    internal void Validate(string option)
    {
        if (Cost <= 0 || Capacity < Cost || RefillPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(option, this, $"{option} needs Cost > 0, Capacity >= Cost and RefillPerSecond > 0.");
        }
    }
}
