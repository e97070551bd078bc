using System.Globalization;
using System.Text.Json;

namespace ZenWebsocket;

/// <summary>
/// Deribit: <c>public/set_heartbeat</c> on connect, an immediate <c>public/test</c> for every <c>test_request</c>,
/// heartbeat notifications consumed, and a silence watchdog (the server sends something every interval).
/// </summary>
internal sealed class DeribitHeartbeat : Heartbeat
{
    /// <summary>The exact reply Deribit expects to a test_request (no id: it is answered, not correlated).</summary>
    public const string TestReply = """{"jsonrpc":"2.0","method":"public/test","params":{}}""";

    private readonly DeribitHeartbeatOptions _options;
    private readonly string _setHeartbeatId;
    private long _setHeartbeatSentTimestamp;

    public DeribitHeartbeat(HeartbeatContext context, DeribitHeartbeatOptions options)
        : base(context)
    {
        _options = options;

        // A string id can never collide with the numeric ids user code and the correlator use.
        _setHeartbeatId = "zenws-hb-" + context.ConnectionId.ToString(CultureInfo.InvariantCulture);
    }

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
                Context.SendInBackground(TestReply, CancellationToken.None);
            }

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
