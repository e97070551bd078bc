namespace ZenWebsocket;

/// <summary>One request waiting for its response. Completion is first-wins; the timer starts at the write.</summary>
internal sealed class PendingRequest
{
    private readonly TaskCompletionSource<RpcResponse> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _connectionId;
    private long _writtenTimestamp;

    public PendingRequest(long id, string method, bool idempotent)
    {
        Id = id;
        Method = method;
        Idempotent = idempotent;
    }

    public long Id { get; }

    public string Method { get; }

    public bool Idempotent { get; }

    /// <summary>Gets the connection it was written on; 0 while the write is in progress.</summary>
    public long ConnectionId => Volatile.Read(ref _connectionId);

    public long WrittenTimestamp => Volatile.Read(ref _writtenTimestamp);

    public ITimer? Timer { get; set; }

    public Task<RpcResponse> Task => _done.Task;

    public bool IsCompleted => _done.Task.IsCompleted;

    public void MarkWritten(SendReceipt receipt)
    {
        Volatile.Write(ref _writtenTimestamp, receipt.WrittenTimestamp);
        Volatile.Write(ref _connectionId, receipt.ConnectionId);
    }

    public bool TryComplete(RpcResponse response)
    {
        Timer?.Dispose();
        return _done.TrySetResult(response);
    }

    public bool TryFail(Exception error)
    {
        Timer?.Dispose();
        return _done.TrySetException(error);
    }

    public bool TryCancel(CancellationToken token)
    {
        Timer?.Dispose();
        return _done.TrySetCanceled(token);
    }
}
