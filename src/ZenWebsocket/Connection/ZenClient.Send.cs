using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ZenWebsocket;

public sealed partial class ZenClient
{
    /// <summary>
    /// Sends one message. The task completes when the message was written to the socket (or, under
    /// <see cref="DisconnectedSendPolicy.QueueWithTimeToLive"/>, when it was written after a reconnect).
    /// </summary>
    /// <param name="data">The payload; copied if it has to wait in the queue.</param>
    /// <param name="messageType">Text or binary.</param>
    /// <param name="cancellationToken">Cancels the send. Cancelling a write midway aborts the connection, as ClientWebSocket does.</param>
    /// <returns>A receipt naming the connection the message was written on.</returns>
    /// <exception cref="ZenSendException">Not connected (FailFast), queue full, closed, or the write failed.</exception>
    /// <exception cref="ZenTimeoutException">The message expired in the queue and was not sent.</exception>
    public ValueTask<SendReceipt> SendAsync(ReadOnlyMemory<byte> data, WebSocketMessageType messageType, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        if (messageType is not (WebSocketMessageType.Text or WebSocketMessageType.Binary))
        {
            throw new ArgumentOutOfRangeException(nameof(messageType), messageType, "messageType must be Text or Binary; use CloseAsync to close.");
        }

        return SendMessageAsync(data, messageType, cancellationToken);
    }

    /// <summary>Sends a text message (UTF-8).</summary>
    /// <param name="text">The text.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A receipt naming the connection the message was written on.</returns>
    public async ValueTask<SendReceipt> SendTextAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ThrowIfDisposed();
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            return await SendMessageAsync(buffer.AsMemory(0, length), WebSocketMessageType.Text, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Sends a value as a JSON text message using source-generated metadata (trim- and AOT-safe).</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">The metadata, from a <c>JsonSerializerContext</c>.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A receipt naming the connection the message was written on.</returns>
    public async ValueTask<SendReceipt> SendJsonAsync<T>(T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        ThrowIfDisposed();
        using var buffer = new PooledBufferWriter(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        return await SendMessageAsync(buffer.WrittenMemory, WebSocketMessageType.Text, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a value as a JSON text message using reflection-based serialization.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="options">Serializer options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A receipt naming the connection the message was written on.</returns>
    [RequiresUnreferencedCode("Reflection-based JSON; use the JsonTypeInfo overload for trimming and AOT.")]
    [RequiresDynamicCode("Reflection-based JSON; use the JsonTypeInfo overload for trimming and AOT.")]
    public ValueTask<SendReceipt> SendJsonAsync<T>(T value, JsonSerializerOptions? options = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(value, (JsonTypeInfo<T>)(options ?? JsonSerializerOptions.Default).GetTypeInfo(typeof(T)), cancellationToken);

    private async ValueTask<SendReceipt> SendMessageAsync(ReadOnlyMemory<byte> data, WebSocketMessageType type, CancellationToken cancellationToken)
    {
        ConnectionSession? direct;
        QueuedSend? queued = null;
        var state = State;
        lock (_sendLock)
        {
            direct = Volatile.Read(ref _session);
            if (direct is not { IsOpen: true })
            {
                direct = null;
            }

            var queueing = _options.DisconnectedSendPolicy == DisconnectedSendPolicy.QueueWithTimeToLive
                && state is ConnectionState.Connecting or ConnectionState.Reconnecting or ConnectionState.Connected
                && (direct is null || _draining || _sendQueue.Count > 0);
            if (queueing)
            {
                queued = _sendQueue.Enqueue(data.Span, type, cancellationToken);
                direct = null;
            }
        }

        if (queued is not null)
        {
            return await queued.Completion.ConfigureAwait(false);
        }

        if (direct is null)
        {
            throw state == ConnectionState.Closed
                ? new ZenSendException(SendFailure.Closed, "The client is closed; nothing was sent.")
                : new ZenSendException(SendFailure.NotConnected, $"The client is {state}; nothing was sent (DisconnectedSendPolicy is {_options.DisconnectedSendPolicy}).");
        }

        return await SendOnSessionAsync(direct, data, type, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<SendReceipt> SendOnSessionAsync(ConnectionSession session, ReadOnlyMemory<byte> data, WebSocketMessageType type, CancellationToken cancellationToken)
    {
        await session.SendAsync(data, type, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _messagesSent);
        Interlocked.Add(ref _bytesSent, data.Length);
        ZenTelemetry.RecordMessage(inbound: false, data.Length);
        ObserveFrame(session, FrameDirection.Outbound, type == WebSocketMessageType.Text ? FrameKind.Text : FrameKind.Binary, data);
        return new SendReceipt(session.Id, _time.GetTimestamp());
    }

    /// <summary>Sends what waited for the connection, oldest first; new sends queue behind until it is empty.</summary>
    private async Task DrainSendQueueAsync(ConnectionSession session)
    {
        lock (_sendLock)
        {
            _draining = true;
        }

        try
        {
            while (session.IsOpen)
            {
                QueuedSend? item;
                lock (_sendLock)
                {
                    if (!_sendQueue.TryTake(out item))
                    {
                        _draining = false;
                        return;
                    }
                }

                try
                {
                    item.Complete(await SendOnSessionAsync(session, item.Data, item.Type, session.Token).ConfigureAwait(false));
                }
                catch (Exception ex) when (ex is ZenWebSocketException or OperationCanceledException)
                {
                    item.Fail(ex as ZenWebSocketException ?? new ZenSendException(SendFailure.WriteFailed, "The connection ended while the queued message was being written; its outcome is unknown.", ex));
                    return;
                }
            }
        }
        finally
        {
            lock (_sendLock)
            {
                _draining = false;
            }
        }
    }
}
