using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ZenWebsocket.Testing;

public sealed partial class MockWebSocketServer
{
    /// <summary>
    /// Answers later upgrade requests with <paramref name="statusCode"/> and <paramref name="headers"/>
    /// instead of 101, e.g. 429 with <c>Retry-After: 2</c>.
    /// </summary>
    /// <param name="statusCode">The HTTP status to answer with (100-599, not 101).</param>
    /// <param name="headers">Response headers to add, or <see langword="null"/>.</param>
    /// <param name="count">How many handshakes to refuse; <see langword="null"/> (default) means until <see cref="ResetHandshakeBehavior"/>.</param>
    public void RefuseHandshakes(int statusCode, IReadOnlyDictionary<string, string>? headers = null, int? count = null)
    {
        if (statusCode is < 100 or > 599 or StatusCodes.Status101SwitchingProtocols)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Use an HTTP status from 100 to 599 other than 101.");
        }

        _script.Refuse(statusCode, headers, count);
    }

    /// <summary>
    /// Later upgrade requests are read and never answered: TCP (and TLS) is accepted, then nothing, until
    /// the client goes away or the server stops.
    /// </summary>
    /// <param name="count">How many handshakes to hang; <see langword="null"/> (default) means until <see cref="ResetHandshakeBehavior"/>.</param>
    public void HangHandshakes(int? count = null) => _script.Hang(count);

    /// <summary>Waits <paramref name="delay"/> on <see cref="MockServerOptions.TimeProvider"/> before handling each later upgrade request.</summary>
    /// <param name="delay">The delay; <see cref="TimeSpan.Zero"/> turns it off.</param>
    public void DelayHandshakes(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        _script.Delay(delay);
    }

    /// <summary>Back to normal: accept every upgrade at once (clears refusal, hang and delay).</summary>
    public void ResetHandshakeBehavior() => _script.Reset();

    private async Task HandleRequestAsync(HttpContext context)
    {
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is not { IsUpgradableRequest: true } || !WebSocketHandshake.IsWebSocketUpgrade(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            return;
        }

        _handshakes.Increment();
        if (!string.Equals(context.Request.Path.Value, _options.Path, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var plan = _script.Next();
        using (var abandon = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token))
        {
            try
            {
                if (plan.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(plan.Delay, _options.TimeProvider, abandon.Token).ConfigureAwait(false);
                }

                if (plan.Kind == HandshakeScript.PlanKind.Hang)
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, abandon.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                context.Abort();
                return;
            }
        }

        if (plan.Kind == HandshakeScript.PlanKind.Refuse)
        {
            context.Response.StatusCode = plan.StatusCode;
            foreach (var (name, value) in plan.Headers)
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentLength = 0;
            return;
        }

        await AcceptAsync(context, upgrade).ConfigureAwait(false);
    }

    private async Task AcceptAsync(HttpContext context, IHttpUpgradeFeature upgrade)
    {
        // Upgrading by hand (not AcceptWebSocketAsync) keeps the raw stream, so tests can write raw frames.
        var subprotocol = WebSocketHandshake.SelectSubprotocol(context.Request, _options.Subprotocols);
        var stream = await WebSocketHandshake.AcceptAsync(context, upgrade, subprotocol).ConfigureAwait(false);
        if (stream is null)
        {
            return;
        }

        await using (stream.ConfigureAwait(false))
        {
            using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions
            {
                IsServer = true,
                SubProtocol = subprotocol,
                KeepAliveInterval = TimeSpan.Zero, // The server never pings on its own; tests ping explicitly.
            });
            var connection = Register(context, stream, socket, subprotocol);
            if (connection is not null)
            {
                await connection.RunAsync(_stopping.Token).ConfigureAwait(false);
            }
        }
    }
}
