using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>A <c>balanceUpdate</c> event: a deposit, withdrawal or transfer changed a balance (B.7).</summary>
public sealed record BinanceBalanceUpdate : BinanceUserDataEvent
{
    /// <summary>Gets the asset (<c>a</c>).</summary>
    [JsonPropertyName("a")]
    public string Asset { get; init; } = "";

    /// <summary>Gets the change (<c>d</c>), negative for a withdrawal.</summary>
    [JsonPropertyName("d")]
    public decimal Delta { get; init; }

    /// <summary>Gets the clear time (<c>T</c>), ms since the Unix epoch.</summary>
    [JsonPropertyName("T")]
    public long ClearTime { get; init; }
}
