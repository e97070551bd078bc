namespace ZenWebsocket;

/// <summary>
/// What happens when a subscriber's queue is full. There is no "wait": routing runs on the receive loop, and waiting
/// for one slow subscriber would stall every topic and the heartbeat. (Whole-connection backpressure is
/// <see cref="ReceiveFullMode.Wait"/>.)
/// </summary>
public enum SubscriberFullMode
{
    /// <summary>Drop the oldest queued item (the consumer sees the freshest data). Markers are never dropped for data.</summary>
    DropOldest,

    /// <summary>Drop the arriving item.</summary>
    DropNewest,
}
