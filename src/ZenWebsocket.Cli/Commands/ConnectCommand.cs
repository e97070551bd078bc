using System.CommandLine;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using ZenWebsocket.Cli.Options;
using ZenWebsocket.Cli.Output;

namespace ZenWebsocket.Cli.Commands;

/// <summary><c>zenws connect &lt;url&gt;</c>: connect, send, print every message and state change, close cleanly.</summary>
internal static class ConnectCommand
{
    // Long enough for the last state change to reach the event worker and be printed; dispose would discard it.
    private static readonly TimeSpan EventFlushBound = TimeSpan.FromSeconds(1);

    /// <summary>Builds the command; its action writes to <paramref name="context"/>.</summary>
    public static Command Create(CliContext context)
    {
        var url = new Argument<Uri>("url")
        {
            Description = "The endpoint, ws://host[:port]/path or wss://host[:port]/path.",
            CustomParser = SharedOptions.ParseUrl,
        };
        var send = new Option<string[]>("--send", "-s")
        {
            Description = "Text to send once connected; repeat for several messages, sent in order.",
            HelpName = "TEXT",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var heartbeat = new Option<HeartbeatKind>("--heartbeat")
        {
            Description = "Heartbeat strategy.",
            HelpName = CliParsing.HeartbeatNames,
            DefaultValueFactory = _ => HeartbeatKind.None,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (CliParsing.TryParseHeartbeat(text, out var kind, out var error))
                {
                    return kind;
                }

                result.AddError(error);
                return HeartbeatKind.None;
            },
        };
        var heartbeatInterval = SecondsOption(
            "--heartbeat-interval",
            "Heartbeat interval in seconds (for serverping: the longest silence tolerated). Default: the strategy's own.");
        var noReconnect = new Option<bool>("--no-reconnect")
        {
            Description = "Do not reconnect after a drop: exit when the connection goes down.",
        };
        var header = new Option<string[]>("--header", "-H")
        {
            Description = "Header for the upgrade request, NAME=VALUE; repeat for several.",
            HelpName = "NAME=VALUE",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var duration = SecondsOption(
            "--duration",
            "Stay connected this many seconds, then close. Default: until Ctrl+C or the connection is finally down.",
            "-d");
        var insecure = new Option<bool>("--insecure", "-k")
        {
            Description = "Accept any TLS certificate (self-signed test servers only).",
        };
        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "Also write the library's debug logs to stderr.",
        };

        header.Validators.Add(result =>
        {
            if (!CliParsing.TryParseHeaders(result.Tokens.Select(t => t.Value), out _, out var error))
            {
                result.AddError(error);
            }
        });

        var command = new Command("connect", "Connect to a WebSocket endpoint, send messages, and print every message and state change.")
        {
            url, send, heartbeat, heartbeatInterval, noReconnect, header, duration, insecure, verbose,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(heartbeatInterval) is not null
                && (result.GetResult(heartbeat) is null || result.GetValue(heartbeat) == HeartbeatKind.None))
            {
                result.AddError("--heartbeat-interval needs a heartbeat: add --heartbeat pingpong, deribit, serverping or app.");
            }
        });

        command.SetAction((parse, cancellationToken) =>
        {
            // The validator has already rejected bad headers, so parsing succeeds here.
            var headers = CliParsing.TryParseHeaders(parse.GetValue(header) ?? [], out var parsed, out _) ? parsed : new Dictionary<string, string>();
            var settings = new ConnectSettings(
                parse.GetRequiredValue(url),
                parse.GetValue(send) ?? [],
                parse.GetValue(heartbeat),
                Seconds(parse.GetValue(heartbeatInterval)),
                !parse.GetValue(noReconnect),
                headers,
                Seconds(parse.GetValue(duration)),
                parse.GetValue(insecure),
                parse.GetValue(verbose));
            return RunAsync(settings, context.Time, context.Output, context.Error, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// Connects, sends <see cref="ConnectSettings.Sends"/>, prints messages and state changes until cancelled, until
    /// the duration elapses or until the connection is finally down, then closes.
    /// </summary>
    /// <returns>0 when it ran and closed, 1 when the connection failed, 2 when an option was rejected by the client.</returns>
    internal static async Task<int> RunAsync(ConnectSettings settings, TimeProvider time, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var reporter = new ConsoleReporter(output, error, time);
        using var loggerFactory = settings.Verbose ? CreateLoggerFactory() : null;
        ZenClient client;
        try
        {
            client = new ZenClient(settings.Url, settings.ToClientOptions(time, loggerFactory));
        }
        catch (ArgumentException ex)
        {
            reporter.Error(CliParsing.Describe(ex));
            return ExitCodes.BadInput;
        }

        await using (client.ConfigureAwait(false))
        {
            var watcher = new StateWatcher();
            client.StateChanged += (_, change) =>
            {
                reporter.State(change);
                watcher.Add(change);
            };

            try
            {
                await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ZenWebSocketException ex)
            {
                await watcher.TryWaitForAsync(c => c.Current == ConnectionState.Disconnected, EventFlushBound, time, CancellationToken.None).ConfigureAwait(false);
                reporter.Error($"could not connect to {settings.Url}: {ex.Explain()}");
                return ExitCodes.Failed;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                reporter.Error($"cancelled before the connection to {settings.Url} opened.");
                return ExitCodes.Failed;
            }

            // The duration counts from the moment the connection is open.
            using var durationStop = settings.Duration is { } d ? new CancellationTokenSource(d, time) : new CancellationTokenSource();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, durationStop.Token);
            try
            {
                await SendAllAsync(client, settings.Sends, reporter, stop.Token).ConfigureAwait(false);
                await foreach (var message in client.ReadMessagesAsync(stop.Token).ConfigureAwait(false))
                {
                    reporter.Received(message);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                reporter.Info(cancellationToken.IsCancellationRequested ? "interrupted; closing" : $"{settings.Duration!.Value.TotalSeconds:0.###} s elapsed; closing");
                var closed = await client.CloseAsync(WebSocketCloseStatus.NormalClosure, "zenws done", CancellationToken.None).ConfigureAwait(false);
                await watcher.TryWaitForAsync(c => ReferenceEquals(c, closed), EventFlushBound, time, CancellationToken.None).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            // The stream ended by itself: the connection is finally down (server closed with reconnection off,
            // a permanent error, or the reconnect budget ran out).
            var final = await client.Completion.ConfigureAwait(false);
            await watcher.TryWaitForAsync(c => ReferenceEquals(c, final), EventFlushBound, time, CancellationToken.None).ConfigureAwait(false);
            if (final.Error is { } failure)
            {
                reporter.Error($"the connection to {settings.Url} is down: {failure.Explain()}");
                return ExitCodes.Failed;
            }

            reporter.Info($"the connection is down ({final.Reason})");
            return ExitCodes.Ok;
        }
    }

    private static async Task SendAllAsync(ZenClient client, IReadOnlyList<string> texts, ConsoleReporter reporter, CancellationToken cancellationToken)
    {
        foreach (var text in texts)
        {
            try
            {
                await client.SendTextAsync(text, cancellationToken).ConfigureAwait(false);
                reporter.Sent(text);
            }
            catch (ZenWebSocketException ex)
            {
                reporter.Error($"could not send '{text}': {ex.Explain()}");
            }
        }
    }

    private static Option<double?> SecondsOption(string name, string description, params string[] aliases) => new(name, aliases)
    {
        Description = description,
        HelpName = "SECONDS",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (CliParsing.TryParseSeconds(text, name, out var seconds, out var error))
            {
                return seconds;
            }

            result.AddError(error);
            return null;
        },
    };

    private static TimeSpan? Seconds(double? seconds) => seconds is { } s ? TimeSpan.FromSeconds(s) : null;

    private static ILoggerFactory CreateLoggerFactory() => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(LogLevel.Debug)
        .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace)
        .AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss.fff ";
        }));
}
