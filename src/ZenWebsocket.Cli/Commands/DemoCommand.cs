using System.CommandLine;
using System.Globalization;
using System.Net.WebSockets;
using ZenWebsocket.Cli.Options;
using ZenWebsocket.Cli.Output;
using ZenWebsocket.Testing;

namespace ZenWebsocket.Cli.Commands;

/// <summary>
/// <c>zenws demo</c>: the whole story with no network and no keys. An embedded mock server on loopback, a client
/// with a PingPong heartbeat and fast reconnection, echoes, a server-side kill, the reconnection, more echoes, a
/// diagnostics summary, a clean close.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The default length of the demo.</summary>
    public const double DefaultDurationSeconds = 6;

    // The story is paced in this many equal pauses, so the demo lasts roughly --duration.
    private const int Pauses = 10;

    // Bounds for the events the story waits on; past them the demo fails with a reason instead of hanging.
    private static readonly TimeSpan StepBound = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan EventFlushBound = TimeSpan.FromSeconds(1);

    /// <summary>Builds the command; its action writes to <paramref name="context"/>.</summary>
    public static Command Create(CliContext context)
    {
        var duration = new Option<double>("--duration", "-d")
        {
            Description = "Roughly how long the demo runs, in seconds.",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => DefaultDurationSeconds,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (CliParsing.TryParseSeconds(text, "--duration", out var seconds, out var error))
                {
                    return seconds;
                }

                result.AddError(error);
                return DefaultDurationSeconds;
            },
        };

        var command = new Command("demo", "Run the whole story against an embedded mock server: echoes, a server-side kill, automatic reconnection, diagnostics. No network, no keys.")
        {
            duration,
        };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(TimeSpan.FromSeconds(parse.GetValue(duration)), context.Time, context.Output, context.Error, cancellationToken));
        return command;
    }

    /// <summary>Runs the demo story.</summary>
    /// <returns>0 when the story happened (including at least one reconnection), 1 with a reason when it did not.</returns>
    internal static async Task<int> RunAsync(TimeSpan duration, TimeProvider time, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var reporter = new ConsoleReporter(output, error, time);
        try
        {
            return await new Story(duration / Pauses, time, reporter).RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DemoFailedException ex)
        {
            reporter.Error("demo failed: " + ex.Message);
            return ExitCodes.Failed;
        }
        catch (ZenWebSocketException ex)
        {
            reporter.Error($"demo failed: {ex.Message} {ex.Explain()}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            reporter.Error("demo interrupted.");
            return ExitCodes.Failed;
        }
    }

    /// <summary>The demo's script; one instance per run.</summary>
    private sealed class Story(TimeSpan pause, TimeProvider time, ConsoleReporter reporter)
    {
        private readonly StateWatcher _watcher = new();

        public async Task<int> RunAsync(CancellationToken cancellationToken)
        {
            reporter.Info("zenws demo: a mock exchange on loopback and a ZenClient with a PingPong heartbeat and fast reconnection; no network, no keys");
            var server = await MockWebSocketServer.StartAsync(new MockServerOptions(), cancellationToken).ConfigureAwait(false);
            await using (server.ConfigureAwait(false))
            {
                reporter.Info($"mock server listening on {server.Url} (echoes every message, answers 'ping' with 'pong')");
                var options = new ZenClientOptions
                {
                    Heartbeat = new PingPongHeartbeatOptions { Interval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(2) },
                    ReconnectOnError = true,
                    Reconnect = new ReconnectPolicy
                    {
                        BaseDelay = TimeSpan.FromMilliseconds(200),
                        MaxDelay = TimeSpan.FromSeconds(1),
                        Jitter = JitterMode.None,
                        ImmediateFirstRetry = false,
                        MaxAttempts = 10,
                    },
                    ConnectTimeout = StepBound,
                    CloseTimeout = TimeSpan.FromSeconds(2),
                    TimeProvider = time,
                };
                var client = new ZenClient(server.Url, options);
                await using (client.ConfigureAwait(false))
                {
                    client.StateChanged += (_, change) =>
                    {
                        reporter.State(change);
                        _watcher.Add(change);
                    };
                    return await TellAsync(server, client, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private async Task<int> TellAsync(MockWebSocketServer server, ZenClient client, CancellationToken cancellationToken)
        {
            // Act 1: connect and talk.
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            var first = await ExpectAsync(c => c.Current == ConnectionState.Connected, "the client did not report Connected", cancellationToken).ConfigureAwait(false);
            await PauseAsync(cancellationToken).ConfigureAwait(false);
            await ExchangeAsync(client, "hello", cancellationToken).ConfigureAwait(false);
            await ExchangeAsync(client, """{"op":"subscribe","args":["ticker.BTC-PERPETUAL"]}""", cancellationToken).ConfigureAwait(false);
            await ExchangeAsync(client, "ping", cancellationToken).ConfigureAwait(false);
            await PushAsync(server, client, """{"channel":"ticker.BTC-PERPETUAL","last":97123.5}""", cancellationToken).ConfigureAwait(false);

            // Act 2: the server kills the connection; the client notices and reconnects by itself.
            await PauseAsync(cancellationToken).ConfigureAwait(false);
            reporter.Info("the server aborts every connection: TCP reset, no close frame");
            await server.DisconnectAllAsync(DisconnectMode.Abort).ConfigureAwait(false);
            var dropped = await ExpectAsync(
                c => c.Current == ConnectionState.Reconnecting,
                "the client did not notice the dropped connection",
                cancellationToken).ConfigureAwait(false);
            var back = await ExpectAsync(
                c => c.Current == ConnectionState.Connected && c.ConnectionId > first.ConnectionId,
                "the client did not reconnect",
                cancellationToken).ConfigureAwait(false);
            reporter.Info(string.Create(
                CultureInfo.InvariantCulture,
                $"reconnected on connection #{back.ConnectionId}, {(back.Timestamp - dropped.Timestamp).TotalMilliseconds:0} ms after the drop was noticed"));

            // Act 3: the same client object carries on over the new connection.
            await PauseAsync(cancellationToken).ConfigureAwait(false);
            await ExchangeAsync(client, "hello again", cancellationToken).ConfigureAwait(false);
            await PushAsync(server, client, """{"channel":"ticker.BTC-PERPETUAL","last":97125.0}""", cancellationToken).ConfigureAwait(false);

            // Act 4: what the client knows about itself, then a clean close.
            await PauseAsync(cancellationToken).ConfigureAwait(false);
            var diagnostics = client.GetDiagnostics();
            reporter.Info("diagnostics:");
            reporter.Diagnostics(diagnostics);
            if (diagnostics.ReconnectCount < 1)
            {
                throw new DemoFailedException("the diagnostics count no reconnection.");
            }

            await PauseAsync(cancellationToken).ConfigureAwait(false);
            var closed = await client.CloseAsync(WebSocketCloseStatus.NormalClosure, "demo finished", CancellationToken.None).ConfigureAwait(false);
            await _watcher.TryWaitForAsync(c => ReferenceEquals(c, closed), EventFlushBound, time, CancellationToken.None).ConfigureAwait(false);
            reporter.Info($"done: {diagnostics.ReconnectCount} reconnection(s), {diagnostics.MessagesSent} messages out, {diagnostics.MessagesReceived} in");
            return ExitCodes.Ok;
        }

        /// <summary>Sends a text and prints the server's answer.</summary>
        private async Task ExchangeAsync(ZenClient client, string text, CancellationToken cancellationToken)
        {
            await client.SendTextAsync(text, cancellationToken).ConfigureAwait(false);
            reporter.Sent(text);
            await ReceiveOneAsync(client, $"no answer to '{text}'", cancellationToken).ConfigureAwait(false);
            await PauseAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Has the server push a message unasked, and prints it.</summary>
        private async Task PushAsync(MockWebSocketServer server, ZenClient client, string text, CancellationToken cancellationToken)
        {
            reporter.Info("the server pushes a market update");
            await server.InjectAsync(text, cancellationToken).ConfigureAwait(false);
            await ReceiveOneAsync(client, "the pushed update did not arrive", cancellationToken).ConfigureAwait(false);
        }

        private async Task ReceiveOneAsync(ZenClient client, string failure, CancellationToken cancellationToken)
        {
            using var bound = new CancellationTokenSource(StepBound, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bound.Token);
            ZenMessage? message;
            try
            {
                message = await client.ReceiveAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (bound.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new DemoFailedException($"{failure} within {StepBound.TotalSeconds:0} s.");
            }

            if (message is not { } received)
            {
                throw new DemoFailedException($"{failure}: the message stream ended ({client.State}).");
            }

            reporter.Received(received);
        }

        private async Task<ConnectionStateChange> ExpectAsync(Func<ConnectionStateChange, bool> predicate, string failure, CancellationToken cancellationToken)
        {
            try
            {
                return await _watcher.WaitForAsync(predicate, StepBound, time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new DemoFailedException($"{failure} within {StepBound.TotalSeconds:0} s.");
            }
        }

        // Pacing only, so a human can follow; every step itself waits on the event it needs.
        private Task PauseAsync(CancellationToken cancellationToken) => Task.Delay(pause, time, cancellationToken);
    }

    /// <summary>The story did not happen as told; the message says which step failed.</summary>
    private sealed class DemoFailedException(string message) : Exception(message);
}
