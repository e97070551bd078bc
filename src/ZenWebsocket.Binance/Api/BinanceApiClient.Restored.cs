namespace ZenWebsocket.Binance;

public sealed partial class BinanceApiClient
{
    private const int RestoredConnectionAttempts = 3;

    /// <summary>
    /// Runs a query that follows a lost connection. Right after the loss the adapter may not have noticed yet (the
    /// socket is gone but the client still reports Connected), and the query then fails with
    /// <see cref="ZenSendException"/> <see cref="SendFailure.NotConnected"/>, unsent. Such a query is safe to repeat:
    /// it waits for the next ready connection (bounded by the request timeout) and goes again, a few times at most.
    /// </summary>
    private async Task<T> OnRestoredConnectionAsync<T>(Func<Task<T>> query, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var reconnects = GetDiagnostics().Reconnects;
            try
            {
                return await query().ConfigureAwait(false);
            }
            catch (ZenSendException ex) when (ex.Failure == SendFailure.NotConnected && attempt < RestoredConnectionAttempts)
            {
                await WaitForReconnectAsync(reconnects, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WaitForReconnectAsync(long reconnectsBefore, CancellationToken cancellationToken)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChange(object? sender, AdapterStateChanged change)
        {
            if (change.Current is AdapterState.Ready or AdapterState.Stopped or AdapterState.Faulted)
            {
                ready.TrySetResult();
            }
        }

        StateChanged += OnChange;
        try
        {
            // Armed first, checked second: a reconnect that finished in between is not missed.
            if (GetDiagnostics().Reconnects > reconnectsBefore || State is AdapterState.Stopped or AdapterState.Faulted)
            {
                return;
            }

            await ready.Task.WaitAsync(_requestTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Still not restored: the next attempt fails with the adapter's own error, which says more.
        }
        finally
        {
            StateChanged -= OnChange;
        }
    }
}
