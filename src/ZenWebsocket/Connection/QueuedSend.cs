using System.Net.WebSockets;

namespace ZenWebsocket;

/// <summary>One message waiting for a connection. It is either taken for sending or expires — never both.</summary>
internal sealed class QueuedSend
{
    private const int Pending = 0;
    private const int Taken = 1;
    private const int Abandoned = 2;

    private readonly TaskCompletionSource<SendReceipt> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    public QueuedSend(byte[] data, WebSocketMessageType type)
    {
        Data = data;
        Type = type;
    }

    public byte[] Data { get; }

    public WebSocketMessageType Type { get; }

    public ITimer? Expiry { get; set; }

    public CancellationTokenRegistration Cancellation { get; set; }

    public Task<SendReceipt> Completion => _done.Task;

    /// <summary>Claims the item for writing; false when it already expired or was cancelled.</summary>
    public bool TryTake()
    {
        if (Interlocked.CompareExchange(ref _state, Taken, Pending) != Pending)
        {
            return false;
        }

        Release();
        return true;
    }

    /// <summary>Fails the item unless it was already taken for writing.</summary>
    public bool TryAbandon(Exception error)
    {
        if (Interlocked.CompareExchange(ref _state, Abandoned, Pending) != Pending)
        {
            return false;
        }

        Release();
        _done.TrySetException(error);
        return true;
    }

    public void Complete(SendReceipt receipt) => _done.TrySetResult(receipt);

    public void Fail(Exception error) => _done.TrySetException(error);

    private void Release()
    {
        Expiry?.Dispose();
        Cancellation.Dispose();
    }
}
