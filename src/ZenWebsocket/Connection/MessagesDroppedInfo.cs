namespace ZenWebsocket;

/// <summary>Reports that inbound messages were dropped because the queue was full (coalesced: one event may cover several drops).</summary>
/// <param name="TotalDropped">Messages dropped since the client was created.</param>
/// <param name="Mode">The full-mode policy that dropped them.</param>
public sealed record MessagesDroppedInfo(long TotalDropped, ReceiveFullMode Mode);
