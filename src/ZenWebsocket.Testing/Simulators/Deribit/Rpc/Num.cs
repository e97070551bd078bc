using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>Decimal helpers: the wire shows 36442.5, never 36442.50, so every decimal is normalised before writing.</summary>
internal static class Num
{
    // Dividing by 1 with many zeros strips trailing zeros from a decimal's scale without changing its value.
    public static decimal Norm(decimal value) => value / 1.000000000000000000000000000000000m;

    public static JsonNode Json(decimal value) => JsonValue.Create(Norm(value));

    public static JsonNode? Json(decimal? value) => value is { } v ? JsonValue.Create(Norm(v)) : null;

    public static decimal RoundToTick(decimal price, decimal tick) => Math.Round(price / tick, MidpointRounding.AwayFromZero) * tick;

    public static long Micros(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static long Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();
}
