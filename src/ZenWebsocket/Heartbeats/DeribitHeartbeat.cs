using System.Globalization;
using System.Text.Json;

namespace ZenWebsocket;

/// <summary>
/// Deribit: <c>public/set_heartbeat</c> on connect, an immediate <c>public/test</c> for every <c>test_request</c>,
/// heartbeat notifications consumed, and a silence watchdog (the server sends something every interval).
/// </summary>
internal sealed class DeribitHeartbeat : Heartbeat
{
    // Our own requests carry string ids with this prefix: they can never collide with the numeric ids of user code
    // and the correlator, and their responses are recognised and consumed here.
    private const string IdPrefix = "zenws-hb-";

    private readonly DeribitHeartbeatOptions _options;
    private readonly string _setHeartbeatId;
    private long _setHeartbeatSentTimestamp;
    private long _testReplies;

    public DeribitHeartbeat(HeartbeatContext context, DeribitHeartbeatOptions options)
        : base(context)
    {
        _options = options;

        _setHeartbeatId = IdPrefix + "set-" + context.ConnectionId.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Builds the answer to a test_request: <c>public/test</c> with empty params. Deribit requires an id on
    /// every request (a request without one is refused with 11050), so it carries one of ours.</summary>
    public string NextTestReply() =>
        "{\"jsonrpc\":\"2.0\",\"id\":\"" + IdPrefix + "test-" + Interlocked.Increment(ref _testReplies).ToString(CultureInfo.InvariantCulture)
        + "\",\"method\":\"public/test\",\"params\":{}}";

    public string SetHeartbeatRequest =>
        "{\"jsonrpc\":\"2.0\",\"id\":\"" + _setHeartbeatId + "\",\"method\":\"public/set_heartbeat\",\"params\":{\"interval\":"
        + ((int)_options.Interval.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "}}";

    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _setHeartbeatSentTimestamp, Context.Time.GetTimestamp());
        await Context.SendTextAsync(SetHeartbeatRequest, cancellationToken).ConfigureAwait(false);
        await Context.WatchSilenceAsync(_options.EffectiveTimeout, "Deribit", cancellationToken).ConfigureAwait(false);
    }

    public override bool OnMessage(in ZenMessage message)
    {
        var span = message.Data.Span;
        if (!message.IsText || (span.IndexOf("heartbeat"u8) < 0 && span.IndexOf("zenws-hb-"u8) < 0))
        {
            return false;
        }

        var (method, type, id, isError) = Read(span);
        if (method == "heartbeat")
        {
            Context.Monitor.RecordBeat();
            if (type == "test_request")
            {
                Context.SendInBackground(NextTestReply(), CancellationToken.None);
            }

            return true;
        }

        if (id is not null && id.StartsWith(IdPrefix, StringComparison.Ordinal) && id != _setHeartbeatId)
        {
            // The answer to one of our test replies: proof of life, nothing for the user.
            Context.Monitor.RecordBeat();
            return true;
        }

        if (id == _setHeartbeatId)
        {
            var sentAt = Volatile.Read(ref _setHeartbeatSentTimestamp);
            Context.Monitor.RecordRoundTrip(Context.Time.GetElapsedTime(sentAt, message.ReceivedTimestamp));
            if (isError)
            {
                Log.DeribitSetHeartbeatRejected(Context.Logger, Context.ConnectionId, message.Text);
            }

            return true;
        }

        return false;
    }

    /// <summary>One forward pass over the top level and <c>params</c>; no DOM is built.</summary>
    private static (string? Method, string? Type, string? Id, bool IsError) Read(ReadOnlySpan<byte> json)
    {
        string? method = null, type = null, id = null;
        var isError = false;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.CurrentDepth != 1)
                {
                    reader.Skip();
                    continue;
                }

                if (reader.ValueTextEquals("method"u8))
                {
                    reader.Read();
                    method = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    id = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("error"u8))
                {
                    isError = true;
                    reader.Read();
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("params"u8))
                {
                    reader.Read();
                    type = ReadParamsType(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return default;
        }

        return (method, type, id, isError);
    }

    private static string? ReadParamsType(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? type = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("type"u8);
            reader.Read();
            if (isType && reader.TokenType == JsonTokenType.String)
            {
                type = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return type;
    }
}
