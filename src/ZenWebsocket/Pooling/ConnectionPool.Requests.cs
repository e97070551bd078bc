using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ZenWebsocket;

public sealed partial class ConnectionPool
{
    private long _failovers;

    /// <summary>Sends a request on the healthiest connection and returns its typed result, failing over when safe.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="method">The method.</param>
    /// <param name="parameters">The params.</param>
    /// <param name="resultType">The result metadata.</param>
    /// <param name="options">Per-request settings (declare queries <see cref="RequestOptions.Idempotent"/> so they may fail over after being written).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public async Task<TResult> RequestAsync<TResult>(string method, RpcParams parameters, JsonTypeInfo<TResult> resultType, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resultType);
        var response = await RequestRawAsync(method, parameters, options, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(response.Result.Span, resultType)!;
    }

    /// <summary>
    /// Sends a request on the healthiest connection. On a connection fault it tries the next healthiest, up to
    /// <see cref="ConnectionPoolOptions.MaxFailoverAttempts"/> connections in all — but never when the request may
    /// already have executed and is not idempotent (an order whose outcome is unknown): that error surfaces instead.
    /// Exchange errors never fail over.
    /// </summary>
    /// <param name="method">The method.</param>
    /// <param name="parameters">The params.</param>
    /// <param name="options">Per-request settings.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    public async Task<RpcResponse> RequestRawAsync(string method, RpcParams parameters, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var tried = new HashSet<PooledConnection>();
        ZenWebSocketException? last = null;
        for (var attempt = 1; attempt <= _options.MaxFailoverAttempts; attempt++)
        {
            var connection = SelectHealthiest(tried);
            if (connection is null)
            {
                break;
            }

            tried.Add(connection);
            try
            {
                return await connection.Requests.RequestRawAsync(method, parameters, options, cancellationToken).ConfigureAwait(false);
            }
            catch (ZenWebSocketException error) when (IsConnectionFault(error))
            {
                connection.RecordError();
                last = error;
                if (!MayFailOver(error, options?.Idempotent ?? false))
                {
                    throw;
                }

                Interlocked.Increment(ref _failovers);
                Log.PoolFailover(_logger, method, connection.Slot, attempt, error.Message);
            }
        }

        throw last ?? new ZenSendException(SendFailure.NotConnected, "No connection of the pool is connected; nothing was sent.");
    }

    private static bool IsConnectionFault(ZenWebSocketException error) =>
        error is ZenSendException or ZenConnectionLostException or ZenTimeoutException { Kind: TimeoutKind.Request or TimeoutKind.QueuedSend };

    /// <summary>Trying elsewhere is safe when the request was not written, or is harmless to repeat.</summary>
    private static bool MayFailOver(ZenWebSocketException error, bool idempotent) => error switch
    {
        ZenSendException { Failure: SendFailure.WriteFailed } => idempotent,
        ZenSendException => true,
        ZenConnectionLostException lost => !lost.OutcomeUnknown,
        _ => idempotent,
    };
}
