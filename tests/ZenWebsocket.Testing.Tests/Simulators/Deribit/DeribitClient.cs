using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace ZenWebsocket.Testing.Tests.Simulators.Deribit;

/// <summary>
/// A minimal third-party-style JSON-RPC client over ClientWebSocket: one background reader, requests correlated by id,
/// notifications kept in arrival order. Every wait is bounded.
/// </summary>
internal sealed class DeribitClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly Channel<JsonElement> _inbox = Channel.CreateUnbounded<JsonElement>();
    private readonly List<JsonElement> _backlog = [];
    private readonly Task _reader;
    private int _nextId;

    private DeribitClient(ClientWebSocket socket)
    {
        _socket = socket;
        _reader = ReadLoopAsync();
    }

    /// <summary>Completes when the server closed or dropped the connection.</summary>
    public Task Completion => _reader;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<DeribitClient> ConnectAsync(Uri url) => new(await Client.ConnectAsync(url));

    public Task SendRawAsync(string text) => _socket.SendTextAsync(text);

    /// <summary>Calls a method and returns the whole response (result or error).</summary>
    public async Task<JsonElement> CallAsync(string method, object? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var request = JsonSerializer.Serialize(new { jsonrpc = "2.0", id, method, @params = parameters ?? new { } });
        await _socket.SendTextAsync(request);
        return await NextAsync(m => m.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.Number && i.GetInt32() == id);
    }

    /// <summary>Calls a method and returns its result, failing the test on an error response.</summary>
    public async Task<JsonElement> ResultAsync(string method, object? parameters = null)
    {
        var response = await CallAsync(method, parameters);
        Assert.True(response.TryGetProperty("result", out var result), $"{method} failed: {response}");
        return result;
    }

    public static int ErrorCode(JsonElement response) =>
        response.TryGetProperty("error", out var error) ? error.GetProperty("code").GetInt32() : throw new InvalidOperationException($"Not an error: {response}");

    public Task<JsonElement> AuthAsync(string clientId = "sim-client", string secret = "sim-secret") =>
        ResultAsync("public/auth", new { grant_type = "client_credentials", client_id = clientId, client_secret = secret });

    /// <summary>The next subscription notification on <paramref name="channel"/>; returns its data.</summary>
    public async Task<JsonElement> NotificationAsync(string channel, Func<JsonElement, bool>? where = null)
    {
        var message = await NextAsync(m => m.TryGetProperty("method", out var method) && method.GetString() == "subscription"
            && m.GetProperty("params").GetProperty("channel").GetString() == channel
            && (where is null || where(m.GetProperty("params").GetProperty("data"))));
        return message.GetProperty("params").GetProperty("data");
    }

    /// <summary>The next message matching <paramref name="match"/>, in arrival order; earlier non-matching ones stay queued.</summary>
    public async Task<JsonElement> NextAsync(Func<JsonElement, bool> match) =>
        await TryNextAsync(match, Client.Bound)
        ?? throw new TimeoutException($"No matching message within {Client.Bound}; queued: {string.Join(" | ", _backlog.Select(b => b.ToString()))}");

    /// <summary>True when nothing matching arrives within a short real-time grace period.</summary>
    /// <remarks>A matching message is left queued for the next <see cref="NextAsync"/>.</remarks>
    public async Task<bool> NothingAsync(Func<JsonElement, bool> match, int milliseconds = 300) =>
        await TryNextAsync(match, TimeSpan.FromMilliseconds(milliseconds), consume: false) is null;

    private async Task<JsonElement?> TryNextAsync(Func<JsonElement, bool> match, TimeSpan within, bool consume = true)
    {
        var found = _backlog.FindIndex(m => match(m));
        if (found >= 0)
        {
            var hit = _backlog[found];
            if (consume)
            {
                _backlog.RemoveAt(found);
            }

            return hit;
        }

        using var timeout = new CancellationTokenSource(within, TimeProvider.System);
        while (true)
        {
            JsonElement message;
            try
            {
                message = await _inbox.Reader.ReadAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
            {
                return null;
            }

            if (match(message))
            {
                if (!consume)
                {
                    _backlog.Add(message);
                }

                return message;
            }

            _backlog.Add(message);
        }
    }

    public void Abort() => _socket.Abort();

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        await _reader.WaitAsync(Client.Bound, TimeProvider.System);
        _socket.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                var message = await _socket.ReceiveMessageAsync();
                if (message.Type == WebSocketMessageType.Close)
                {
                    // A well-behaved client answers the server's close frame, completing the handshake.
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, CancellationToken.None);
                    return;
                }

                using var document = JsonDocument.Parse(Encoding.UTF8.GetString(message.Data));
                _inbox.Writer.TryWrite(document.RootElement.Clone());
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or JsonException or ObjectDisposedException)
        {
            // The connection ended; Completion tells the test.
        }
        finally
        {
            _inbox.Writer.TryComplete();
        }
    }
}
