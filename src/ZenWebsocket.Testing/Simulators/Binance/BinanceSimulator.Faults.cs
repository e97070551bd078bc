using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace ZenWebsocket.Testing.Simulators.Binance;

public sealed partial class BinanceSimulator
{
    /// <summary>Drops every open connection (streams and API) at the TCP level, no close frame: an unexpected disconnect.</summary>
    public void DropAllConnections()
    {
        foreach (var connection in Open())
        {
            connection.Abort();
        }
    }

    /// <summary>Drops every open stream connection at the TCP level.</summary>
    public void DropStreamConnections()
    {
        foreach (var connection in Open(ConnectionRole.Stream))
        {
            connection.Abort();
        }
    }

    /// <summary>Drops every open WebSocket API connection at the TCP level.</summary>
    public void DropApiConnections()
    {
        foreach (var connection in Open(ConnectionRole.Api))
        {
            connection.Abort();
        }
    }

    /// <summary>
    /// Every open connection stops reading and writing (pings and pong checks too) while TCP stays up: a half-open
    /// link the client can only detect by its own watchdog. New connections are not affected.
    /// </summary>
    public void GoSilent()
    {
        foreach (var connection in Open())
        {
            connection.GoSilent();
        }
    }

    /// <summary>The next diff-depth event of <paramref name="symbol"/> skips update ids (<c>U &gt; previous u + 1</c>), on
    /// <c>@depth@100ms</c> and on <c>@depth</c> (which loses the window the gap fell into).</summary>
    /// <param name="symbol">The symbol, e.g. <c>BTCUSDT</c> (case-insensitive).</param>
    /// <exception cref="ArgumentException">The simulator has no such symbol.</exception>
    public void InjectDepthGap(string symbol) => _market.InjectGap(symbol);

    /// <summary>
    /// Sends <c>serverShutdown</c> to every open connection (raw, combined or WebSocket API form) and closes each with
    /// 1001 after <see cref="BinanceSimulatorOptions.ShutdownGrace"/> on the simulator's clock.
    /// </summary>
    /// <param name="ct">Cancels the wait.</param>
    /// <returns>Completes when the notices are queued and the grace has passed (the closes are then queued too).</returns>
    public async Task AnnounceShutdownAsync(CancellationToken ct = default)
    {
        var connections = Open().ToList();
        foreach (var connection in connections)
        {
            connection.AnnounceShutdown();
        }

        if (_options.ShutdownGrace > TimeSpan.Zero)
        {
            await Task.Delay(_options.ShutdownGrace, _options.TimeProvider, ct).ConfigureAwait(false);
        }

        CloseAll(connections, WebSocketCloseStatus.EndpointUnavailable, "Server shutdown");
    }

    /// <summary>The server ignores the clients' pongs, so every connection is closed once its ping goes unanswered for
    /// <see cref="BinanceSimulatorOptions.PongTimeout"/>: how tests simulate "pong withheld".</summary>
    /// <param name="discard">Whether to discard pongs. Default <see langword="true"/>.</param>
    public void DiscardPongs(bool discard = true) => _discardPongs = discard;

    /// <summary>The next <paramref name="count"/> depth snapshots (REST and WebSocket API) are older than the stream:
    /// their <c>lastUpdateId</c> is below the first <c>U</c> a fresh subscriber buffers, so the client must fetch again.</summary>
    /// <param name="count">How many; 0 turns it off.</param>
    public void ServeStaleSnapshots(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _market.ServeStaleSnapshots(count);
    }

    /// <summary>Answers the next <paramref name="count"/> WebSocket upgrade requests (both roles) with <paramref name="statusCode"/> instead of 101.</summary>
    /// <param name="count">How many handshakes to refuse; at least 1.</param>
    /// <param name="statusCode">An HTTP status from 100 to 599 other than 101. Default 503.</param>
    public void RefuseHandshakes(int count, int statusCode = 503)
    {
        if (statusCode is < 100 or > 599 or StatusCodes.Status101SwitchingProtocols)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Use an HTTP status from 100 to 599 other than 101.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _handshakes.Refuse(statusCode, headers: null, count);
    }

    /// <summary>Delays every later WebSocket handshake by <paramref name="delay"/> on the simulator's clock; zero turns it off.</summary>
    /// <param name="delay">The delay; not negative.</param>
    public void DelayHandshakes(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        _handshakes.Delay(delay);
    }

    /// <summary>Back to accepting every WebSocket handshake at once (ends <see cref="RefuseHandshakes"/> and <see cref="DelayHandshakes"/>).</summary>
    public void AcceptHandshakes() => _handshakes.Reset();
}
