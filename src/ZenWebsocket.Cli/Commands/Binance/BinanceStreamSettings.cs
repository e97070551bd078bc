using ZenWebsocket.Binance;

namespace ZenWebsocket.Cli.Commands;

/// <summary>What <c>zenws binance trades|ticker|book</c> was asked to do, already parsed and checked.</summary>
/// <param name="Feed">The feed.</param>
/// <param name="Symbol">The upper-case symbol, e.g. <c>BTCUSDT</c>.</param>
/// <param name="Endpoints">The Binance endpoints (streams and REST).</param>
/// <param name="Duration">How long to stream; null for until Ctrl+C (or <paramref name="Count"/>).</param>
/// <param name="Count">How many update lines to print before stopping; null for no limit.</param>
internal sealed record BinanceStreamSettings(BinanceFeed Feed, string Symbol, BinanceEndpoints Endpoints, TimeSpan? Duration = null, int? Count = null);
