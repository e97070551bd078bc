namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>
/// One tradable instrument of the simulator. Inverse futures and perpetuals quote amounts in USD (multiples of
/// <see cref="ContractSize"/>) and settle in the base coin; options quote prices in the base coin and amounts in
/// coin contracts.
/// </summary>
/// <param name="Name">The instrument name, e.g. <c>BTC-PERPETUAL</c>, <c>BTC-26JUN26</c>, <c>BTC-26JUN26-100000-C</c>.</param>
/// <param name="Kind"><c>future</c> (perpetuals included) or <c>option</c>.</param>
/// <param name="BaseCurrency">The coin, e.g. <c>BTC</c>; also the settlement currency.</param>
/// <param name="TickSize">The price increment; every price must be a multiple of it.</param>
/// <param name="ContractSize">One contract: USD for futures, coins for options.</param>
/// <param name="MinTradeAmount">The smallest amount, and the amount step.</param>
/// <param name="InitialPrice">Where the seeded market starts (USD for futures, coin for options).</param>
public sealed record DeribitInstrument(
    string Name,
    string Kind,
    string BaseCurrency,
    decimal TickSize,
    decimal ContractSize,
    decimal MinTradeAmount,
    decimal InitialPrice)
{
    /// <summary>Expiry for dated futures and options; <see langword="null"/> for perpetuals.</summary>
    public DateTimeOffset? Expiration { get; init; }

    /// <summary>Strike for options; <see langword="null"/> otherwise.</summary>
    public decimal? Strike { get; init; }

    /// <summary><c>call</c> or <c>put</c> for options; <see langword="null"/> otherwise.</summary>
    public string? OptionType { get; init; }

    /// <summary>Whether this is a perpetual future (its name ends with <c>-PERPETUAL</c>).</summary>
    public bool IsPerpetual => Name.EndsWith("-PERPETUAL", StringComparison.Ordinal);

    /// <summary>Whether this is an option.</summary>
    public bool IsOption => string.Equals(Kind, "option", StringComparison.Ordinal);

    internal void Validate(string option)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{option}: an instrument name must be non-empty and contain no '.' (was '{Name}').", option);
        }

        if (Kind is not ("future" or "option"))
        {
            throw new ArgumentException($"{option}: {Name}.Kind must be 'future' or 'option' (was '{Kind}').", option);
        }

        if (string.IsNullOrWhiteSpace(BaseCurrency))
        {
            throw new ArgumentException($"{option}: {Name}.BaseCurrency must be set.", option);
        }

        if (TickSize <= 0 || ContractSize <= 0 || MinTradeAmount <= 0 || InitialPrice <= 0)
        {
            throw new ArgumentOutOfRangeException(option, $"{option}: {Name} needs a positive TickSize, ContractSize, MinTradeAmount and InitialPrice.");
        }

        if (InitialPrice % TickSize != 0)
        {
            throw new ArgumentException($"{option}: {Name}.InitialPrice {InitialPrice} is not a multiple of TickSize {TickSize}.", option);
        }

        if (IsOption && (Strike is null || OptionType is not ("call" or "put") || Expiration is null))
        {
            throw new ArgumentException($"{option}: option {Name} needs a Strike, an OptionType ('call' or 'put') and an Expiration.", option);
        }
    }
}
