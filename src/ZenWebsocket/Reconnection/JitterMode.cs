namespace ZenWebsocket;

/// <summary>How randomness spreads reconnect delays so that many clients do not reconnect in lockstep.</summary>
public enum JitterMode
{
    /// <summary>No randomness: <c>min(cap, base * 2^n)</c>.</summary>
    None,

    /// <summary>Uniform in <c>[0, min(cap, base * 2^n)]</c>.</summary>
    Full,

    /// <summary>Uniform in <c>[base, previous * 3]</c>, capped; never below the base delay.</summary>
    Decorrelated,
}
