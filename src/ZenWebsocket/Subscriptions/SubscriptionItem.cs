namespace ZenWebsocket;

/// <summary>One item of a subscription stream.</summary>
/// <param name="Kind">Data or a marker.</param>
/// <param name="Topic">The canonical topic.</param>
/// <param name="Message">The message, for <see cref="SubscriptionItemKind.Data"/>.</param>
/// <param name="Detail">Why, for markers.</param>
public readonly record struct SubscriptionItem(SubscriptionItemKind Kind, string Topic, ZenMessage Message, string? Detail = null)
{
    /// <summary>Gets whether this is a data item.</summary>
    public bool IsData => Kind == SubscriptionItemKind.Data;
}
