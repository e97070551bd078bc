using System.Diagnostics.CodeAnalysis;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ZenWebsocket;

public sealed partial class RequestCorrelator
{
    /// <summary>Sends a request and returns its typed result.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="method">The method.</param>
    /// <param name="parameters">The params.</param>
    /// <param name="resultType">Source-generated metadata of the result.</param>
    /// <param name="options">Per-request settings.</param>
    /// <param name="cancellationToken">Cancels the wait (and removes the pending entry).</param>
    /// <returns>The result.</returns>
    /// <exception cref="ZenExchangeException">The exchange answered with an error (or what <see cref="RequestCorrelatorOptions.ErrorMapper"/> made of it).</exception>
    /// <exception cref="ZenTimeoutException">No response within the timeout, counted from the write.</exception>
    /// <exception cref="ZenConnectionLostException">The connection ended first.</exception>
    /// <exception cref="ZenSendException">The request could not be written.</exception>
    public async Task<TResult> RequestAsync<TResult>(string method, RpcParams parameters, JsonTypeInfo<TResult> resultType, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resultType);
        var response = await RequestRawAsync(method, parameters, options, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(response.Result.Span, resultType)!;
    }

    /// <summary>Sends a request and returns its result deserialized by reflection.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="method">The method.</param>
    /// <param name="parameters">The params as an object (an anonymous object works), or <see langword="null"/>.</param>
    /// <param name="options">Per-request settings.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The result.</returns>
    [RequiresUnreferencedCode("Reflection-based JSON; use the JsonTypeInfo overload for trimming and AOT.")]
    [RequiresDynamicCode("Reflection-based JSON; use the JsonTypeInfo overload for trimming and AOT.")]
    public async Task<TResult> RequestAsync<TResult>(string method, object? parameters = null, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await RequestRawAsync(method, RpcParams.FromObject(parameters), options, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize<TResult>(response.Result.Span)!;
    }

    /// <summary>Sends a request and returns the raw result.</summary>
    /// <param name="method">The method.</param>
    /// <param name="parameters">The params.</param>
    /// <param name="options">Per-request settings.</param>
    /// <param name="cancellationToken">Cancels the wait (and removes the pending entry).</param>
    /// <returns>The response.</returns>
    /// <exception cref="InvalidOperationException">The id is already live, or was used by a request that timed out on this connection; nothing was sent.</exception>
    public async Task<RpcResponse> RequestRawAsync(string method, RpcParams parameters, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var timeout = options?.Timeout ?? _options.RequestTimeout;
        Guard.Positive(timeout, "RequestOptions.Timeout");
        options?.Validate();
        if (_options.RateLimiter is { } limiter)
        {
            // The lease comes first: a refused request is never registered, never written.
            if (options?.RateLimitMode == RateLimitMode.Reject)
            {
                limiter.AcquireOrThrow(method);
            }
            else
            {
                await limiter.AcquireAsync(method, options?.RateLimitMaxWait, cancellationToken).ConfigureAwait(false);
            }
        }

        var id = options?.Id ?? NextId();
        var entry = new PendingRequest(id, method, options?.Idempotent ?? false);
        if (_timedOut.Contains(id) || !_pending.TryAdd(id, entry))
        {
            throw new InvalidOperationException($"Request id {id} is already in use by a pending or recently timed-out request; nothing was sent.");
        }

        using var activity = ZenTelemetry.Source.StartActivity("zenws.request");
        activity?.SetTag("rpc.method", method);
        try
        {
            await WriteAsync(entry, parameters, timeout, cancellationToken).ConfigureAwait(false);
            using (cancellationToken.Register(
                static state =>
                {
                    var (self, pending) = ((RequestCorrelator, PendingRequest))state!;
                    self.Cancel(pending);
                },
                (this, entry)))
            {
                return await entry.Task.ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }

    private async Task WriteAsync(PendingRequest entry, RpcParams parameters, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var buffer = new PooledBufferWriter(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            _options.Dialect.WriteRequest(writer, entry.Id, entry.Method, parameters);
        }

        SendReceipt receipt;
        try
        {
            receipt = await _client.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ZenWebSocketException or OperationCanceledException)
        {
            // Not written (or cut mid-write). If the connection-lost path already failed it, that verdict stands.
            var failure = ex is OperationCanceledException ? ex : ex as ZenSendException is { Failure: SendFailure.WriteFailed }
                ? new ZenConnectionLostException(entry.Method, entry.Id, RequestWriteState.Unknown, entry.Idempotent, (ZenWebSocketException)ex)
                : ex;
            if (failure is OperationCanceledException ? entry.TryCancel(cancellationToken) : entry.TryFail(failure))
            {
                Remove(entry);
            }

            await entry.Task.ConfigureAwait(false);
            return;
        }

        entry.MarkWritten(receipt);
        if (!entry.IsCompleted)
        {
            // The timeout starts at the write, on the client's clock, and belongs to this entry alone.
            entry.Timer = _time.CreateTimer(
                static state =>
                {
                    var (self, pending, limit) = ((RequestCorrelator, PendingRequest, TimeSpan))state!;
                    self.TimeOut(pending, limit);
                },
                (this, entry, timeout),
                timeout,
                Timeout.InfiniteTimeSpan);
            if (entry.IsCompleted)
            {
                entry.Timer.Dispose();
            }
        }
    }

    private bool Cancel(PendingRequest entry)
    {
        if (!entry.TryCancel(CancellationToken.None))
        {
            return false;
        }

        Remove(entry);
        return true;
    }

    private bool TimeOut(PendingRequest entry, TimeSpan timeout)
    {
        var error = new ZenTimeoutException(TimeoutKind.Request, timeout, $"No response to '{entry.Method}' (id {entry.Id}) within {timeout} of its write; the server may still have executed it.");
        if (!entry.TryFail(error))
        {
            return false;
        }

        _timedOut.Add(entry.Id, entry.ConnectionId);
        Remove(entry);
        Interlocked.Increment(ref _timeouts);
        return true;
    }
}
