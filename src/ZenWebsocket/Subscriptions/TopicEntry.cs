namespace ZenWebsocket;

/// <summary>The registry's record of one topic: its state, its subscribers, and the acknowledgement in flight.</summary>
internal sealed class TopicEntry(string topic)
{
    private volatile Subscription[] _subscribers = [];

    public string Topic { get; } = topic;

    private int _generation;

    public SubscriptionState State { get; set; } = SubscriptionState.Pending;

    /// <summary>Gets the number of the latest subscribe sent for this topic; an older one's outcome is ignored.</summary>
    public int Generation => Volatile.Read(ref _generation);

    public int NextGeneration() => Interlocked.Increment(ref _generation);

    /// <summary>Gets the outcome of the first subscribe, shared by every subscriber that joins while it is pending.</summary>
    public TaskCompletionSource Acknowledged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ZenWebSocketException? Error { get; set; }

    public Subscription[] Subscribers => _subscribers;

    public void Add(Subscription subscription) => _subscribers = [.. _subscribers, subscription];

    public int Remove(Subscription subscription)
    {
        _subscribers = _subscribers.Where(s => !ReferenceEquals(s, subscription)).ToArray();
        return _subscribers.Length;
    }

    public void Broadcast(in SubscriptionItem item)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Deliver(item);
        }
    }
}
