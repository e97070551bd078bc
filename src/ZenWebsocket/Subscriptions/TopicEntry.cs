namespace ZenWebsocket;

/// <summary>The registry's record of one topic: its state, its subscribers, and the acknowledgement in flight.</summary>
internal sealed class TopicEntry(string topic)
{
    private readonly Lock _restoreGate = new();
    private volatile Subscription[] _subscribers = [];
    private volatile SubscriptionState _state = SubscriptionState.Pending;
    private int _generation;

    public string Topic { get; } = topic;

    public SubscriptionState State
    {
        get => _state;
        set => _state = value;
    }

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

    /// <summary>Makes the topic active; a restoring topic gets its Restored marker first (once), so that no data
    /// of the new subscription comes before it.</summary>
    /// <param name="announce">Whether a Restored marker belongs here (a restore, not a first subscribe).</param>
    public void Activate(bool announce)
    {
        lock (_restoreGate)
        {
            if (announce && _state == SubscriptionState.Restoring)
            {
                Broadcast(new SubscriptionItem(SubscriptionItemKind.Restored, Topic, default));
            }

            _state = SubscriptionState.Active;
        }
    }

    /// <summary>Writes data to every subscriber. Data of a restoring topic means the server subscribed it again and
    /// publishes before its acknowledgement arrived: the topic is restored at that point.</summary>
    public void BroadcastData(in SubscriptionItem item)
    {
        if (_state == SubscriptionState.Restoring)
        {
            Activate(announce: true);
        }

        Broadcast(item);
    }

    public void Broadcast(in SubscriptionItem item)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Deliver(item);
        }
    }
}
