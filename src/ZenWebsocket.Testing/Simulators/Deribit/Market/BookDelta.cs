namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>The change between two published states of a book: <c>[action, price, amount]</c> entries per side.</summary>
internal sealed record BookDelta(
    long PrevChangeId,
    long ChangeId,
    IReadOnlyList<(string Action, decimal Price, decimal Amount)> Bids,
    IReadOnlyList<(string Action, decimal Price, decimal Amount)> Asks,
    bool Suppressed);
