using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace ZenWebsocket;

/// <summary>
/// The bounded queue behind <see cref="DisconnectedSendPolicy.QueueWithTimeToLive"/>. Each item carries its own
/// expiry timer on the client's clock; an expired item fails with a clear error and is never sent afterwards.
/// </summary>
internal sealed class SendQueue
{
    private readonly Queue<QueuedSend> _items = new();
    private readonly int _capacity;
    private readonly TimeSpan _timeToLive;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _live;

    public SendQueue(int capacity, TimeSpan timeToLive, TimeProvider time, ILogger logger)
    {
        _capacity = capacity;
        _timeToLive = timeToLive;
        _time = time;
        _logger = logger;
    }

    /// <summary>Gets the number of items still waiting (expired ones excluded).</summary>
    public int Count => Volatile.Read(ref _live);

    /// <summary>Enqueues a copy of the message. Call under the client's send lock.</summary>
    public QueuedSend Enqueue(ReadOnlySpan<byte> data, WebSocketMessageType type, CancellationToken cancellationToken)
    {
        if (Count >= _capacity)
        {
            throw new ZenSendException(SendFailure.QueueFull, $"The send queue is full ({_capacity} messages wait for a connection).");
        }

        var item = new QueuedSend(data.ToArray(), type);
        _items.Enqueue(item);
        Interlocked.Increment(ref _live);
        item.Expiry = _time.CreateTimer(
            static state =>
            {
                var (queue, expired) = ((SendQueue, QueuedSend))state!;
                queue.Expire(expired);
            },
            (this, item),
            _timeToLive,
            Timeout.InfiniteTimeSpan);
        if (cancellationToken.CanBeCanceled)
        {
            item.Cancellation = cancellationToken.Register(() =>
            {
                if (item.TryAbandon(new OperationCanceledException(cancellationToken)))
                {
                    Interlocked.Decrement(ref _live);
                }
            });
        }

        return item;
    }

    /// <summary>Takes the oldest live item. Call under the client's send lock.</summary>
    public bool TryTake(out QueuedSend item)
    {
        while (_items.TryDequeue(out item!))
        {
            if (item.TryTake())
            {
                Interlocked.Decrement(ref _live);
                return true;
            }
        }

        return false;
    }

    /// <summary>Fails every waiting item. Call under the client's send lock.</summary>
    public void FailAll(Func<Exception> error)
    {
        while (_items.TryDequeue(out var item))
        {
            if (item.TryAbandon(error()))
            {
                Interlocked.Decrement(ref _live);
            }
        }
    }

    private void Expire(QueuedSend item)
    {
        if (item.TryAbandon(new ZenTimeoutException(TimeoutKind.QueuedSend, _timeToLive, $"The message waited {_timeToLive} for a connection and was discarded unsent.")))
        {
            Interlocked.Decrement(ref _live);
            Log.QueuedSendExpired(_logger, _timeToLive);
        }
    }
}
