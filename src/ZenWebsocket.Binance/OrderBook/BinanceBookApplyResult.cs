namespace ZenWebsocket.Binance;

/// <summary>What <see cref="BinanceOrderBook.Apply"/> did with a diff-depth event.</summary>
public enum BinanceBookApplyResult
{
    /// <summary>The event continued the book and was applied; the book's update id is now the event's <c>u</c>.</summary>
    Applied = 0,

    /// <summary>The event is already in the book (<c>u &lt;= localId</c>) and was ignored.</summary>
    Ignored = 1,

    /// <summary>Events were missed (<c>U &gt; localId + 1</c>): the book was discarded and needs a fresh snapshot.</summary>
    Gap = 2,
}
