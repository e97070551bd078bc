namespace ZenWebsocket.Deribit;

public sealed partial class DeribitAdapter
{
    // Deribit answers private/logout with nothing but a close (1000), so no response is ever matched to this id.
    private const string LogoutRequest = "{\"jsonrpc\":\"2.0\",\"id\":9223372036854775807,\"method\":\"private/logout\",\"params\":{}}";

    private int _loggedOut;

    /// <summary>
    /// Logs out (<c>private/logout</c>) and stops the adapter for good: Deribit answers nothing, closes the connection
    /// with 1000 and invalidates the session's tokens, and the adapter does not reconnect. Logging out does not
    /// trigger cancel-on-disconnect (A.8): orders resting on the connection stay open.
    /// </summary>
    /// <param name="cancellationToken">Cancels waiting for a rate-limit lease or the write; the adapter still stops.</param>
    /// <returns>A task that completes when the adapter is <see cref="AdapterState.Stopped"/>.</returns>
    /// <exception cref="InvalidOperationException">The adapter has no credentials: there is no session to log out of.</exception>
    /// <remarks>When the adapter is not ready (not started, reconnecting, already stopped) nothing is sent and the
    /// adapter just stops: a connection that is not authenticated has no session to end.</remarks>
    public async Task LogoutAsync(CancellationToken cancellationToken = default)
    {
        if (_credentials is null)
        {
            throw new InvalidOperationException("LogoutAsync needs DeribitOptions.Credentials: private/logout ends an authenticated session.");
        }

        Volatile.Write(ref _loggedOut, 1);
        try
        {
            if (State == AdapterState.Ready && Volatile.Read(ref _session) is { Client.Completion.IsCompleted: false } session)
            {
                if (RateLimiter is { } limiter)
                {
                    await limiter.AcquireAsync("private/logout", cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                // Written straight to the socket, not through the correlator: no response will come, and the stop
                // follows the write at once so the server's close is never taken for a drop to recover from.
                await session.Client.SendTextAsync(LogoutRequest, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ZenSendException)
        {
            // The connection went away under the write: stopping is all that is left to do.
        }
        finally
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The endpoint of every connect; once logged out, a connect attempt (the server's close taken for a
    /// drop) waits for the stop that follows the logout to cancel it, so no connection is ever opened again.</summary>
    private async ValueTask<Uri> EndpointUnlessLoggedOutAsync(ConnectAttemptContext context, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _loggedOut) != 0)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken).ConfigureAwait(false);
        }

        return Endpoint;
    }
}
