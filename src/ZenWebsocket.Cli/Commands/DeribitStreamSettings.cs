namespace ZenWebsocket.Cli.Commands;

/// <summary>What <c>zenws deribit ticker|book|trades</c> was asked to do, already parsed and checked.</summary>
/// <param name="Feed">The feed.</param>
/// <param name="Instrument">The instrument, e.g. <c>BTC-PERPETUAL</c>.</param>
/// <param name="Endpoint">The Deribit WebSocket endpoint.</param>
/// <param name="Duration">How long to stream; null for until Ctrl+C (or <paramref name="Count"/>).</param>
/// <param name="Count">How many update lines to print before stopping; null for no limit.</param>
internal sealed record DeribitStreamSettings(DeribitFeed Feed, string Instrument, Uri Endpoint, TimeSpan? Duration = null, int? Count = null);
