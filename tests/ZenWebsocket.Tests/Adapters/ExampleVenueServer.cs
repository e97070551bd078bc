using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using ZenWebsocket.Testing;

namespace ZenWebsocket.Tests.Adapters;

/// <summary>
/// The venue side of <see cref="ExampleVenueAdapter"/>, scripted on the mock server: authentication per connection,
/// channel subscriptions (private ones need authentication), cancel-on-disconnect, open orders and time. Knobs let a
/// test revoke the credentials, fail the next resumes, or hold the next authentication.
/// </summary>
public sealed class ExampleVenueServer
{
    public const string Key = "key-1";
    public const string Secret = "secret-1";

    private readonly ConcurrentDictionary<int, bool> _authenticated = new();
    private volatile string _secret = Secret;
    private volatile TaskCompletionSource? _authGate;
    private int _resumeFailures;

    public MockServerOptions Options => new() { Handler = HandleAsync };

    /// <summary>From now on the credentials are refused (error 13004).</summary>
    public void RevokeCredentials() => _secret = "revoked";

    /// <summary>The next <paramref name="count"/> enable_cancel_on_disconnect calls answer 10028 (too many requests).</summary>
    public void FailNextResumes(int count) => Volatile.Write(ref _resumeFailures, count);

    /// <summary>Holds every authentication until the returned source completes.</summary>
    public TaskCompletionSource HoldAuthentication()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _authGate = gate;
        return gate;
    }

    public static string Notification(string channel, int value) =>
        "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"" + channel + "\",\"data\":{\"v\":" + value.ToString(CultureInfo.InvariantCulture) + "}}}";

    /// <summary>The methods a connection received, in order, with the channels of subscribes ("public/subscribe[a,b]").</summary>
    public static IReadOnlyList<string> Calls(MockWebSocketServer server, int connectionId) =>
        server.Received.Where(f => f.ConnectionId == connectionId).Select(Describe).ToArray();

    private static string Describe(MockFrame frame)
    {
        using var document = JsonDocument.Parse(frame.Data);
        var root = document.RootElement;
        var method = root.GetProperty("method").GetString()!;
        return root.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("channels", out var channels)
            ? $"{method}[{string.Join(',', channels.EnumerateArray().Select(c => c.GetString()))}]"
            : method;
    }

    private async ValueTask HandleAsync(MockConnection connection, MockFrame frame)
    {
        using var request = JsonDocument.Parse(frame.Data);
        var root = request.RootElement;
        var id = root.GetProperty("id").GetInt64();
        var method = root.GetProperty("method").GetString();
        var authenticated = _authenticated.GetValueOrDefault(connection.Id);
        string reply;
        switch (method)
        {
            case "public/auth":
                if (_authGate is { } gate)
                {
                    await gate.Task;
                }

                var secret = root.GetProperty("params").GetProperty("api_secret").GetString();
                if (secret == _secret)
                {
                    _authenticated[connection.Id] = true;
                    reply = Result(id, "{\"access_token\":\"t\"}");
                }
                else
                {
                    reply = Error(id, 13004, "invalid_credentials");
                }

                break;
            case "public/subscribe" or "private/subscribe" or "public/unsubscribe" or "private/unsubscribe":
                if (method.StartsWith("private/", StringComparison.Ordinal) && !authenticated)
                {
                    reply = Error(id, 13009, "unauthorized");
                    break;
                }

                reply = Result(id, root.GetProperty("params").GetProperty("channels").GetRawText());
                break;
            case "private/enable_cancel_on_disconnect":
                reply = !authenticated ? Error(id, 13009, "unauthorized")
                    : Interlocked.Decrement(ref _resumeFailures) >= 0 ? Error(id, 10028, "too_many_requests")
                    : Result(id, "\"ok\"");
                break;
            case "private/get_open_orders":
                reply = authenticated ? Result(id, "[{\"order_id\":\"a\"},{\"order_id\":\"b\"}]") : Error(id, 13009, "unauthorized");
                break;
            case "public/get_time":
                reply = Result(id, "1700000000000");
                break;
            default:
                reply = Error(id, -32601, "method not found");
                break;
        }

        await connection.SendTextAsync(reply);
    }

    private static string Result(long id, string json) => "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + json + "}";

    private static string Error(long id, int code, string message) =>
        "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}}";
}
