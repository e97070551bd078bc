using Microsoft.AspNetCore.Http;

namespace ZenWebsocket.Testing.Simulators.Deribit;

public sealed partial class DeribitSimulator
{
    /// <summary>
    /// The next WebSocket call of <paramref name="method"/> is executed (an order is placed) but its response is never
    /// sent: the connection is dropped instead, leaving the client with an order whose outcome it cannot know.
    /// </summary>
    /// <param name="method">E.g. <c>private/buy</c>.</param>
    public void DropConnectionAfterExecuting(string method)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        _exchange.DropAfter = method;
    }

    /// <summary>Drops every open WebSocket at the TCP level, no close frame: an unexpected disconnect (cancel-on-disconnect fires).</summary>
    public void DropAllConnections()
    {
        foreach (var connection in _exchange.Connections())
        {
            connection.Sink?.Abort();
        }
    }

    /// <summary>
    /// Every open WebSocket stops sending and stops reading, but TCP stays up: a half-open link the client can only
    /// detect by its own heartbeat. Server heartbeats stop too. New connections are not affected.
    /// </summary>
    public void GoSilent()
    {
        _exchange.MarkSilent();
        foreach (var session in Sessions())
        {
            session.GoSilent();
        }
    }

    /// <summary>Delays every later response (WebSocket and HTTP) by <paramref name="delay"/> on the simulator's clock; zero turns it off.</summary>
    /// <param name="delay">The delay; not negative.</param>
    public void DelayResponses(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        _exchange.ResponseDelay = delay;
    }

    /// <summary>Answers later WebSocket upgrade requests with <paramref name="statusCode"/> instead of 101, e.g. 429 or 503.</summary>
    /// <param name="statusCode">An HTTP status from 100 to 599 other than 101.</param>
    /// <param name="count">How many handshakes to refuse; <see langword="null"/> (default) until <see cref="AcceptHandshakes"/>.</param>
    public void RefuseHandshakes(int statusCode, int? count = null)
    {
        if (statusCode is < 100 or > 599 or StatusCodes.Status101SwitchingProtocols)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Use an HTTP status from 100 to 599 other than 101.");
        }

        _handshakes.Refuse(statusCode, headers: null, count);
    }

    /// <summary>Back to accepting every WebSocket upgrade.</summary>
    public void AcceptHandshakes() => _handshakes.Reset();

    /// <summary>
    /// Sends every open WebSocket a frame that breaks RFC 6455 (reserved opcode 0x3); a conforming client fails the
    /// connection with a protocol error.
    /// </summary>
    /// <returns>Completes when the frames are written.</returns>
    public async Task SendMalformedFrameAsync()
    {
        foreach (var session in Sessions())
        {
            await session.WriteRawAsync([0x83, 0x00]).ConfigureAwait(false);
        }
    }

    /// <summary>Sends every open WebSocket a well-formed text frame whose payload is not valid JSON.</summary>
    public void SendMalformedJson()
    {
        foreach (var session in Sessions())
        {
            session.TrySend("{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":");
        }
    }

    /// <summary>
    /// Announces maintenance (A.12): <c>platform_state</c> subscribers get <c>locked: true</c> per index,
    /// <c>public/status</c> reports locked, matching-engine requests get 11051 <c>system_maintenance</c>.
    /// </summary>
    /// <param name="closeConnections">Also close every WebSocket with 1001 after the notice. Default <see langword="false"/>.</param>
    public void AnnounceMaintenance(bool closeConnections = false) => _exchange.SetMaintenance(on: true, closeConnections);

    /// <summary>Ends maintenance: <c>platform_state</c> says <c>locked: false</c> and trading resumes.</summary>
    public void EndMaintenance() => _exchange.SetMaintenance(on: false, closeConnections: false);

    /// <summary>
    /// Makes the next book message of <paramref name="instrumentName"/> go missing, on the raw and on the aggregated
    /// stream: the message after it carries a <c>prev_change_id</c> the client never saw, as after a lost message.
    /// </summary>
    /// <param name="instrumentName">The instrument, e.g. <c>BTC-PERPETUAL</c>.</param>
    /// <exception cref="ArgumentException">The simulator has no such instrument.</exception>
    public void InjectBookGap(string instrumentName) => _exchange.InjectBookGap(instrumentName);

    private IEnumerable<WebSocketSession> Sessions() => _exchange.Connections().Select(c => c.Sink).OfType<WebSocketSession>();
}
