using System.Text.Json.Serialization;

namespace ZenWebsocket.Deribit;

/// <summary>One level change of a <c>book.*</c> notification: <c>[action, price, amount]</c> (A.6.1).</summary>
/// <param name="Action"><c>new</c>, <c>change</c> or <c>delete</c>; <see langword="null"/> in a grouped book's <c>[price, amount]</c>.</param>
/// <param name="Price">The price level.</param>
/// <param name="Amount">The amount at the level (0 for <c>delete</c>).</param>
[JsonConverter(typeof(DeribitBookEntryConverter))]
public sealed record DeribitBookEntry(string? Action, decimal Price, decimal Amount);
