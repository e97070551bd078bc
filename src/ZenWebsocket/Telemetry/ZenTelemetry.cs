using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ZenWebsocket;

/// <summary>
/// The one Meter and ActivitySource of the library. Instrument names follow OpenTelemetry conventions
/// (https://opentelemetry.io/docs/specs/semconv/general/metrics/): dotted lower case, units in UCUM.
/// Tags have bounded cardinality (state, reason, strategy, direction) — never a URL or an id.
/// </summary>
internal static class ZenTelemetry
{
    public static readonly ActivitySource Source = new(ZenWebsocketTelemetry.Name);

    private static readonly Meter s_meter = new(ZenWebsocketTelemetry.Name);

    private static readonly UpDownCounter<long> s_activeConnections =
        s_meter.CreateUpDownCounter<long>("zenws.connection.active", "{connection}", "Open WebSocket connections.");

    private static readonly Counter<long> s_transitions =
        s_meter.CreateCounter<long>("zenws.connection.transitions", "{transition}", "Connection state transitions by state and reason.");

    private static readonly Counter<long> s_reconnects =
        s_meter.CreateCounter<long>("zenws.connection.reconnects", "{reconnect}", "Reconnect sequences started, by reason.");

    private static readonly Histogram<double> s_connectDuration =
        s_meter.CreateHistogram<double>("zenws.connection.connect.duration", "s", "Time to connect (TCP, TLS, upgrade).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly Counter<long> s_messages =
        s_meter.CreateCounter<long>("zenws.messages", "{message}", "WebSocket messages by direction.");

    private static readonly Counter<long> s_bytes =
        s_meter.CreateCounter<long>("zenws.bytes", "By", "WebSocket payload bytes by direction.");

    private static readonly UpDownCounter<long> s_queueDepth =
        s_meter.CreateUpDownCounter<long>("zenws.receive_queue.depth", "{message}", "Inbound messages waiting for consumers.");

    private static readonly Counter<long> s_dropped =
        s_meter.CreateCounter<long>("zenws.receive_queue.dropped", "{message}", "Inbound messages dropped because the queue was full.");

    private static readonly Histogram<double> s_heartbeatRtt =
        s_meter.CreateHistogram<double>("zenws.heartbeat.rtt", "s", "Heartbeat round trip.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });

    private static readonly Counter<long> s_heartbeatMisses =
        s_meter.CreateCounter<long>("zenws.heartbeat.misses", "{miss}", "Heartbeats that got no reply in time.");

    private static readonly Histogram<double> s_adapterStep =
        s_meter.CreateHistogram<double>("zenws.adapter.step.duration", "s", "Duration of an adapter step (connect, authenticate, restore, resume), by step and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

    private static readonly Counter<long> s_adapterTransitions =
        s_meter.CreateCounter<long>("zenws.adapter.transitions", "{transition}", "Adapter state transitions, by state.");

    public static void RecordAdapterStep(AdapterStep step, TimeSpan duration, bool succeeded)
    {
        if (s_adapterStep.Enabled)
        {
            s_adapterStep.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("step", step.ToString()), new KeyValuePair<string, object?>("outcome", succeeded ? "ok" : "error"));
        }
    }

    public static void RecordAdapterTransition(AdapterState state)
    {
        if (s_adapterTransitions.Enabled)
        {
            s_adapterTransitions.Add(1, new KeyValuePair<string, object?>("state", state.ToString()));
        }
    }

    public static void ConnectionOpened() => s_activeConnections.Add(1);

    public static void ConnectionClosed() => s_activeConnections.Add(-1);

    public static void RecordTransition(ConnectionState state, StateChangeReason reason)
    {
        if (s_transitions.Enabled)
        {
            s_transitions.Add(1, new KeyValuePair<string, object?>("state", state.ToString()), new KeyValuePair<string, object?>("reason", reason.ToString()));
        }
    }

    public static void RecordReconnect(StateChangeReason reason)
    {
        if (s_reconnects.Enabled)
        {
            s_reconnects.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));
        }
    }

    public static void RecordConnectDuration(TimeSpan duration) => s_connectDuration.Record(duration.TotalSeconds);

    public static void RecordMessage(bool inbound, int bytes)
    {
        if (s_messages.Enabled)
        {
            s_messages.Add(1, new KeyValuePair<string, object?>("direction", inbound ? "in" : "out"));
        }

        if (s_bytes.Enabled)
        {
            s_bytes.Add(bytes, new KeyValuePair<string, object?>("direction", inbound ? "in" : "out"));
        }
    }

    public static void QueueDepthChanged(int delta)
    {
        if (s_queueDepth.Enabled)
        {
            s_queueDepth.Add(delta);
        }
    }

    public static void RecordDrop() => s_dropped.Add(1);

    public static void RecordHeartbeatRoundTrip(TimeSpan rtt, string strategy)
    {
        if (s_heartbeatRtt.Enabled)
        {
            s_heartbeatRtt.Record(rtt.TotalSeconds, new KeyValuePair<string, object?>("strategy", strategy));
        }
    }

    public static void RecordHeartbeatMiss(string strategy) =>
        s_heartbeatMisses.Add(1, new KeyValuePair<string, object?>("strategy", strategy));

    // Rate limiting and latency statistics. The `limiter` tag is a configured limiter name (a fixed label such as
    // "deribit.matching_engine"), the `kind` tag a fixed measurement kind ("request", "heartbeat"): both bounded.
    private static readonly Histogram<double> s_rateLimitWait =
        s_meter.CreateHistogram<double>("zenws.rate_limit.wait.duration", "s", "Time a request waited for rate-limit tokens, by limiter.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0, 0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly Counter<long> s_rateLimitRejections =
        s_meter.CreateCounter<long>("zenws.rate_limit.rejections", "{rejection}", "Requests a rate limiter refused, by limiter and reason.");

    private static readonly Counter<long> s_rateLimitPenalties =
        s_meter.CreateCounter<long>("zenws.rate_limit.penalties", "{penalty}", "Exchange rate-limit errors applied to a limiter, by limiter.");

    private static readonly Histogram<double> s_requestDuration =
        s_meter.CreateHistogram<double>("zenws.request.duration", "s", "Round trip of requests and heartbeats, by kind.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    public static void RecordRateLimitWait(string limiter, TimeSpan wait)
    {
        if (s_rateLimitWait.Enabled)
        {
            s_rateLimitWait.Record(wait.TotalSeconds, new KeyValuePair<string, object?>("limiter", limiter));
        }
    }

    public static void RecordRateLimitRejection(string limiter, string reason)
    {
        if (s_rateLimitRejections.Enabled)
        {
            s_rateLimitRejections.Add(1, new KeyValuePair<string, object?>("limiter", limiter), new KeyValuePair<string, object?>("reason", reason));
        }
    }

    public static void RecordRateLimitPenalty(string limiter)
    {
        if (s_rateLimitPenalties.Enabled)
        {
            s_rateLimitPenalties.Add(1, new KeyValuePair<string, object?>("limiter", limiter));
        }
    }

    public static bool RequestDurationEnabled => s_requestDuration.Enabled;

    public static void RecordRequestDuration(string kind, TimeSpan duration)
    {
        if (s_requestDuration.Enabled)
        {
            s_requestDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("kind", kind));
        }
    }
}
