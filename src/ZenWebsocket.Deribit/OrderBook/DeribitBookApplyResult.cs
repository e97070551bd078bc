namespace ZenWebsocket.Deribit;

/// <summary>What applying a book update did.</summary>
public enum DeribitBookApplyResult
{
    /// <summary>A snapshot replaced the book.</summary>
    Snapshot = 0,

    /// <summary>A change chained on the previous one was applied.</summary>
    Applied = 1,

    /// <summary>The change did not chain (<c>prev_change_id</c> differs from the last <c>change_id</c>): the book was
    /// dropped and needs a fresh snapshot.</summary>
    Gap = 2,

    /// <summary>A change arrived before any snapshot (or after a gap) and was ignored.</summary>
    Ignored = 3,
}
